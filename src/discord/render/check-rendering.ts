import type { LoadedQuestion, QuestionCheck } from "../../questions/load-bank.js";
import type { Track } from "../../questions/track.js";
import { embedProblems } from "./embed-limits.js";
import { questionEmbed, revealEmbed } from "./question.js";

/** A track stand-in for measuring: the longest plausible domain name. */
const measuringTrack = (question: LoadedQuestion): Track => ({
  exam: question.exam,
  name: question.exam,
  provider: "aws",
  certification: question.exam,
  passingScore: 750,
  scoreRange: [100, 1000],
  reference: "https://docs.aws.amazon.com/",
  pace: { minutes: 1, questions: 1 },
  wording: { stemWords: [1, 1], optionWords: [1, 1] },
  domains: [{ number: question.domain, name: "D".repeat(80), weight: 100, tasks: { [question.task]: "" } }],
});

/**
 * Renders the question and its reveal in their largest form (five-digit counts, streak lines) and
 * reports anything Discord would refuse.
 */
export const renderingProblems: QuestionCheck = (question) => {
  const track = measuringTrack(question);
  const posting = { number: 99_999, sequence: 99_999, closesAt: new Date(), answersSoFar: 99_999 };
  const spread = Object.fromEntries(Object.keys(question.options).map((letter) => [letter, 99_999]));
  const reveal = { spread, answered: 99_999, correct: 99_999, milestones: ["🔥 a streak line".repeat(4)] };
  const problems = [
    ...embedProblems(questionEmbed(question, track, posting)).map((message) => ({
      field: "stem",
      message: `posted question: ${message}`,
    })),
    ...embedProblems(revealEmbed(question, track, posting, reveal)).map((message) => ({
      field: "explanations",
      message: `reveal: ${message}`,
    })),
  ];
  return problems;
};
