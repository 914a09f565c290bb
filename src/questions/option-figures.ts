import { type Letter, optionLetters, type Question } from "./question.js";

/** The figures of one question's options that a test-wise reader could exploit. */

type Options = Pick<Question, "options" | "answer" | "type" | "choose">;

function optionLength(question: Options, letter: Letter): number {
  return question.options[letter]?.length ?? 0;
}

/** The longest wrong option and the correct option's length over it (single-answer questions only). */
export function correctToLongestWrong(
  question: Options,
): { ratio: number; longestWrong: Letter } | undefined {
  const [correct] = question.answer;
  if (question.type !== "single" || correct === undefined) return undefined;
  const wrong = optionLetters(question).filter((letter) => letter !== correct);
  const longestWrong = wrong.reduce((longest, letter) =>
    optionLength(question, letter) > optionLength(question, longest) ? letter : longest,
  );
  const wrongLength = optionLength(question, longestWrong);
  return {
    ratio: wrongLength === 0 ? Infinity : optionLength(question, correct) / wrongLength,
    longestWrong,
  };
}

/** True when a single answer's option is longer, in characters, than every other option. */
export function correctIsStrictlyLongest(question: Options): boolean {
  const figures = correctToLongestWrong(question);
  return figures !== undefined && figures.ratio > 1;
}

/** Every pair of two letters among five options: AB, AC … DE. */
export const letterPairs: readonly string[] = ["A", "B", "C", "D", "E"].flatMap((first, index, all) =>
  all.slice(index + 1).map((second) => `${first}${second}`),
);

/** The answer pair of a choose-two question with five options (the questions the pair spread is about). */
export function choiceTwoPair(question: Options): string | undefined {
  const fiveOptions = optionLetters(question).length === 5;
  return question.type === "multiple" && question.choose === 2 && fiveOptions
    ? question.answer.join("")
    : undefined;
}
