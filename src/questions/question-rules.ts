import { correctToLongestWrong } from "./option-figures.js";
import { type Letter, optionLetters, type Question } from "./question.js";
import { bankThresholds } from "./thresholds.js";
import type { Track } from "./track.js";
import { contentBigrams, lastSentence, paragraphs, wordCount } from "./words.js";

export interface FieldProblem {
  field: string;
  message: string;
}

/** The rules each question meets on its own: a decision, its exam's lengths, a readable stem, no tells. */
export function questionRuleProblems(
  question: Question,
  track: Track,
  commonPhrases: ReadonlySet<string> = new Set(),
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!question.decision)
    problems.push({ field: "decision", message: "is required: name the design decision the question tests" });
  const [fewest, most] = track.wording.stemWords;
  const stemWords = wordCount(question.stem);
  if (stemWords < fewest || stemWords > most)
    problems.push({
      field: "stem",
      message: `is ${stemWords} words; ${track.exam} stems are ${fewest}–${most}`,
    });
  problems.push(...stemLayoutProblems(question.stem));
  const [fewestOption, mostOption] = track.wording.optionWords;
  for (const letter of optionLetters(question)) {
    const words = wordCount(question.options[letter] ?? "");
    if (words < fewestOption || words > mostOption)
      problems.push({
        field: `options.${letter}`,
        message: `is ${words} ${words === 1 ? "word" : "words"}; ${track.exam} options are ${fewestOption}–${mostOption}`,
      });
  }
  const lengths = correctToLongestWrong(question);
  if (lengths && lengths.ratio > bankThresholds.correctToLongestWrong) {
    problems.push({
      field: `options.${question.answer[0]}`,
      message: `the correct option is ${(Math.ceil(lengths.ratio * 100) / 100).toFixed(2)} × as long as the longest wrong one (${lengths.longestWrong}); keep it at most ${bankThresholds.correctToLongestWrong} ×`,
    });
  }
  problems.push(...answerNamingProblems(question, commonPhrases));
  return problems;
}

/** Paragraphs, and the question sentence alone in the last one, so the posted question reads on a phone. */
function stemLayoutProblems(stem: string): FieldProblem[] {
  const parts = paragraphs(stem);
  const last = parts.at(-1) ?? "";
  if (!last.endsWith("?"))
    return [{ field: "stem", message: 'must end with the question sentence, ending with "?"' }];
  if (lastSentence(last).before !== "")
    return [
      {
        field: "stem",
        message: "has more than the question sentence in its last paragraph; move the rest above it",
      },
    ];
  if (parts.length < 2)
    return [
      {
        field: "stem",
        message: "must put the question sentence in a paragraph of its own, after the scenario",
      },
    ];
  return [];
}

/**
 * A distinctive phrase (two content words side by side) that the stem and a correct option share and no
 * wrong option has: a reader matches the words and finds the answer without the knowledge. A phrase some
 * wrong option also uses (a service name in several options), or one the exam's questions use everywhere,
 * gives nothing away.
 */
function answerNamingProblems(question: Question, common: ReadonlySet<string>): FieldProblem[] {
  const stem = contentBigrams(question.stem);
  const wrong = new Set(
    optionLetters(question)
      .filter((letter) => !question.answer.includes(letter))
      .flatMap((letter) => [...contentBigrams(question.options[letter] ?? "").keys()]),
  );
  return question.answer.flatMap((letter: Letter) => {
    const named = [...contentBigrams(question.options[letter] ?? "")].filter(
      ([phrase]) => stem.has(phrase) && !wrong.has(phrase) && !common.has(phrase),
    );
    if (named.length === 0) return [];
    const phrases = named.map(([, written]) => `"${written}"`).join(", ");
    return [
      {
        field: `options.${letter}`,
        message: `shares ${phrases} with the stem and no wrong option does: reword it, or let wrong options use it too`,
      },
    ];
  });
}
