import { resolve } from "node:path";
import { renderingProblems } from "../discord/render/check-rendering.js";
import { formatProblem, loadQuestionBank } from "./load-bank.js";

/**
 * `npm run questions:check [folder]`: validates every track and question file and prints every problem
 * as `file:line:column field: message`. Exits 1 when there is any.
 */
const root = resolve(process.argv[2] ?? "questions");
const bank = await loadQuestionBank(root, renderingProblems);
for (const problem of bank.problems) process.stdout.write(`${formatProblem(problem)}\n`);

const perTrack = [...bank.tracks.keys()].map(
  (exam) => `${exam}: ${bank.questions.filter((question) => question.exam === exam).length}`,
);
const summary = `${bank.questions.length} questions ok (${perTrack.join(", ")}), ${bank.problems.length} problems`;
process.stdout.write(`${summary}\n`);
process.exitCode = bank.problems.length > 0 ? 1 : 0;
