import { examRuleProblems } from "./exam-rules.js";
import type { Problem, QuestionBank } from "./load-bank.js";
import type { Question } from "./question.js";
import { questionRuleProblems } from "./question-rules.js";
import { bankThresholds } from "./thresholds.js";
import { contentBigrams } from "./words.js";

/**
 * Phrases that the exam's questions use everywhere (a service name, "knowledge base"): sharing one with
 * the stem points at no option in particular, so the giveaway check passes over them.
 */
function commonPhrases(questions: readonly Question[]): ReadonlySet<string> {
  const seen = new Map<string, number>();
  for (const question of questions) {
    const text = [question.stem, ...Object.values(question.options)].join(" ");
    for (const phrase of contentBigrams(text).keys()) seen.set(phrase, (seen.get(phrase) ?? 0) + 1);
  }
  const enough = Math.max(3, questions.length * bankThresholds.commonPhraseShare);
  return new Set([...seen].filter(([, count]) => count >= enough).map(([phrase]) => phrase));
}

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
    const common = commonPhrases(questions);
    for (const question of questions)
      for (const { field, message } of questionRuleProblems(question, track, common))
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
