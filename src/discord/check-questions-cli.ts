import { resolve } from "node:path";
import { bankRuleProblems } from "../questions/bank-rules.js";
import { formatProblem, loadQuestionBank } from "../questions/load-bank.js";
import { renderingProblems } from "./render/check-rendering.js";

/**
 * `npm run questions:check [folder]`: validates every track and question file, renders each question as
 * Discord will show it (render/check-rendering.ts), then holds the bank to the authoring rules
 * (src/questions/bank-rules.ts), and prints every problem as `file:line:column field: message`. Exits 1
 * when there is any. It lives in src/discord because it needs the Discord rendering; the bank code it
 * calls does not.
 */
const root = resolve(process.argv[2] ?? "questions");
const bank = await loadQuestionBank(root, renderingProblems);
const ruleProblems = bankRuleProblems(bank);
const problems = [...bank.problems, ...ruleProblems].sort(
  (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
);
for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`);

const perTrack = [...bank.tracks.keys()].map(
  (exam) => `${exam}: ${bank.questions.filter((question) => question.exam === exam).length}`,
);
const summary = `${bank.questions.length} questions loaded (${perTrack.join(", ")}), ${problems.length} problems (${ruleProblems.length} from the bank rules)`;
process.stdout.write(`${summary}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
