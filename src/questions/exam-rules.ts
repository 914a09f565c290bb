import type { LoadedQuestion } from "./load-bank.js";
import { choiceTwoPair, correctIsStrictlyLongest, letterPairs } from "./option-figures.js";
import { optionLetters } from "./question.js";
import { similarPairs } from "./similar.js";
import { bankThresholds } from "./thresholds.js";
import type { Track } from "./track.js";
import { contentWords, wordCount } from "./words.js";

export interface FileProblem {
  file: string;
  field: string;
  message: string;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The rules an exam's questions meet together: no tell that shows only across many questions. */
export function examRuleProblems(
  questions: LoadedQuestion[],
  track: Track,
  trackFile: string,
): FileProblem[] {
  return [
    ...longestCorrectProblems(questions, track),
    ...pairSpreadProblems(questions, track, trackFile),
    ...duplicateDecisionProblems(questions),
    ...medianOptionProblems(questions, track, trackFile),
  ];
}

function longestCorrectProblems(questions: LoadedQuestion[], track: Track): FileProblem[] {
  const single = questions.filter((question) => question.type === "single");
  const longest = single.filter(correctIsStrictlyLongest);
  const share = longest.length / single.length;
  if (
    single.length < bankThresholds.longestCorrectMinQuestions ||
    share <= bankThresholds.longestCorrectShare
  )
    return [];
  return longest.map((question) => ({
    file: question.file,
    field: `options.${question.answer[0]}`,
    message: `the correct option is strictly the longest, as in ${longest.length} of ${single.length} ${track.exam} single-answer questions (${percent(share)}; at most ${percent(bankThresholds.longestCorrectShare)})`,
  }));
}

function pairSpreadProblems(questions: LoadedQuestion[], track: Track, trackFile: string): FileProblem[] {
  const byPair = new Map<string, LoadedQuestion[]>(letterPairs.map((pair) => [pair, []]));
  for (const question of questions) {
    const pair = choiceTwoPair(question);
    if (pair) byPair.get(pair)?.push(question);
  }
  const total = [...byPair.values()].reduce((sum, holders) => sum + holders.length, 0);
  if (total < bankThresholds.pairSpreadMinQuestions) return [];
  const problems: FileProblem[] = [];
  const missing = letterPairs.filter((pair) => byPair.get(pair)?.length === 0);
  if (missing.length > 0) {
    problems.push({
      file: trackFile,
      field: "exam",
      message: `no choose-two question of the ${total} in ${track.exam} is answered ${missing.join(", ")}: spread the answers over every letter pair`,
    });
  }
  const fairShare = total / letterPairs.length;
  for (const [pair, holders] of byPair) {
    if (holders.length <= fairShare * bankThresholds.pairMaxFairShare) continue;
    for (const question of holders)
      problems.push({
        file: question.file,
        field: "answer",
        message: `${pair} answers ${holders.length} of the ${total} ${track.exam} choose-two questions; a pair may answer at most ${bankThresholds.pairMaxFairShare} × its fair share (${fairShare.toFixed(1)})`,
      });
  }
  return problems;
}

function duplicateDecisionProblems(questions: LoadedQuestion[]): FileProblem[] {
  const decided = questions.filter((question) => question.decision);
  const words = decided.map((question) => new Set(contentWords(question.decision ?? "")));
  return similarPairs(words, bankThresholds.nearDuplicateDecision).map(({ index, earlier, similarity }) => ({
    file: decided[index]?.file ?? "",
    field: "decision",
    message:
      similarity === 1
        ? `is the decision of ${decided[earlier]?.file}: test another decision`
        : `is ${Math.round(similarity * 100)}% the same as the decision of ${decided[earlier]?.file}: test another decision`,
  }));
}

function medianOptionProblems(questions: LoadedQuestion[], track: Track, trackFile: string): FileProblem[] {
  const target = track.wording.medianOptionWords;
  const words = questions.flatMap((question) =>
    optionLetters(question).map((letter) => wordCount(question.options[letter] ?? "")),
  );
  if (target === undefined || words.length === 0) return [];
  const middle = median(words);
  if (middle >= target) return [];
  return [
    {
      file: trackFile,
      field: "wording.medianOptionWords",
      message: `the median ${track.exam} option is ${middle} words; it should be at least ${target}`,
    },
  ];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
