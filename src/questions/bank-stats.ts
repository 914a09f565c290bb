import { median } from "./exam-rules.js";
import type { LoadedQuestion } from "./load-bank.js";
import {
  choiceTwoPair,
  correctIsStrictlyLongest,
  correctToLongestWrong,
  letterPairs,
} from "./option-figures.js";
import { letters, optionLetters } from "./question.js";
import { bankThresholds } from "./thresholds.js";
import type { Track } from "./track.js";
import { wordCount } from "./words.js";

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** One exam's figures, as `questions:stats` prints them. */
export interface ExamStats {
  track: Track;
  questions: number;
  single: number;
  multiple: number;
  domains: { number: number; name: string; weight: number; questions: number }[];
  tasks: { task: string; single: number; multiple: number }[];
  stemWords: Spread;
  optionWords: Spread;
  correctLetters: Record<string, number>;
  pairs: Record<string, number>;
  longestCorrect: number;
  meanCorrectToLongestWrong: number;
  maxCorrectToLongestWrong: number;
  /** Mean words a candidate reads per question: the stem and every option. */
  meanWordsRead: number;
  readingMinutes: number;
  paceMinutes: number;
}

function spread(values: number[]): Spread {
  return values.length === 0
    ? { median: 0, min: 0, max: 0 }
    : { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

export function examStats(track: Track, questions: LoadedQuestion[]): ExamStats {
  const single = questions.filter((question) => question.type === "single");
  const optionWords = (question: LoadedQuestion) =>
    optionLetters(question).map((letter) => wordCount(question.options[letter] ?? ""));
  const tasks = Object.keys(Object.assign({}, ...track.domains.map((domain) => domain.tasks)));
  const offered = letters.filter((letter) => questions.some((question) => question.options[letter]));
  const correctLetters = Object.fromEntries(offered.map((letter) => [letter, 0]));
  for (const question of questions)
    for (const letter of question.answer) correctLetters[letter] = (correctLetters[letter] ?? 0) + 1;
  const pairs = Object.fromEntries(letterPairs.map((pair) => [pair, 0]));
  for (const question of questions) {
    const pair = choiceTwoPair(question);
    if (pair) pairs[pair] = (pairs[pair] ?? 0) + 1;
  }
  const ratios = single.map((question) => correctToLongestWrong(question)?.ratio ?? 0);
  const meanWordsRead = mean(
    questions.map((question) => wordCount(question.stem) + optionWords(question).reduce((a, b) => a + b, 0)),
  );
  return {
    track,
    questions: questions.length,
    single: single.length,
    multiple: questions.length - single.length,
    domains: track.domains.map(({ number, name, weight }) => ({
      number,
      name,
      weight,
      questions: questions.filter((question) => question.domain === number).length,
    })),
    tasks: tasks.map((task) => {
      const mine = questions.filter((question) => question.task === task);
      const singles = mine.filter((question) => question.type === "single").length;
      return { task, single: singles, multiple: mine.length - singles };
    }),
    stemWords: spread(questions.map((question) => wordCount(question.stem))),
    optionWords: spread(questions.flatMap(optionWords)),
    correctLetters,
    pairs,
    longestCorrect: single.filter(correctIsStrictlyLongest).length,
    meanCorrectToLongestWrong: mean(ratios),
    maxCorrectToLongestWrong: Math.max(0, ...ratios),
    meanWordsRead,
    readingMinutes: meanWordsRead / bankThresholds.readingWordsPerMinute,
    paceMinutes: track.pace.minutes / track.pace.questions,
  };
}
