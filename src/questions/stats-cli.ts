import { resolve } from "node:path";
import { bankRuleProblems } from "./bank-rules.js";
import { examStats } from "./bank-stats.js";
import { loadQuestionBank } from "./load-bank.js";
import { examStatsText } from "./stats-text.js";

/**
 * `npm run questions:stats [folder]`: the bank's figures per exam (domains, tasks, lengths, letter and
 * pair spread, the longest-is-correct share, the reading load against the exam's pace), so an author sees
 * where the bank stands before `questions:check` says what breaks a rule.
 */
const root = resolve(process.argv[2] ?? "questions");
const bank = await loadQuestionBank(root);
const ruleProblems = bankRuleProblems(bank);
const sections = [...bank.tracks].map(([exam, track]) => {
  const questions = bank.questions.filter((question) => question.exam === exam);
  const files = new Set(questions.map((question) => question.file));
  files.add(bank.trackFiles.get(exam) ?? "");
  const problems = ruleProblems.filter((problem) => files.has(problem.file)).length;
  return examStatsText(examStats(track, questions), problems).join("\n");
});
process.stdout.write(`${sections.join("\n\n")}\n`);
if (bank.problems.length > 0)
  process.stdout.write(`\n${bank.problems.length} files did not load; npm run questions:check lists them\n`);
