import { examRuleProblems } from "./exam-rules.js";
import type { Problem, QuestionBank } from "./load-bank.js";
import { questionRuleProblems } from "./question-rules.js";

/**
 * The authoring rules `questions:check` adds to the loader's: each question's own (lengths, layout,
 * decision, no giveaway phrase) and each exam's (longest-is-correct share, pair spread, distinct
 * decisions). They judge how well the bank teaches, not whether a question can be posted, so the bot's
 * loader does not apply them.
 */
export function bankRuleProblems(bank: QuestionBank): Problem[] {
  const problems: Problem[] = [];
  const at = (file: string, field: string, message: string): Problem => ({
    file,
    ...bank.where(file, field.split(".")),
    field,
    message,
  });
  for (const [exam, track] of bank.tracks) {
    const questions = bank.questions.filter((question) => question.exam === exam);
    for (const question of questions)
      for (const { field, message } of questionRuleProblems(question, track))
        problems.push(at(question.file, field, message));
    for (const { file, field, message } of examRuleProblems(
      questions,
      track,
      bank.trackFiles.get(exam) ?? exam,
    ))
      problems.push(at(file, field, message));
  }
  return problems;
}
