import { type APIEmbed, TimestampStyles, time } from "discord.js";
import { publicName } from "../../questions/find-question.js";
import { type Letter, optionLetters, type Question } from "../../questions/question.js";
import type { Track } from "../../questions/track.js";
import { answerEmoji } from "../answer-emoji.js";
import { letterList } from "./letters.js";
import { stemLayout } from "./stem-layout.js";

const colours = { open: 0x3b82f6, closed: 0x64748b, reveal: 0x22c55e } as const;
const countWords = ["zero", "one", "two", "three", "four", "five", "six"];

export interface PostingView {
  /** The question's public number in its exam (members never see the file id). */
  number: number;
  /** 1, 2, 3 … within the quiz channel. */
  sequence: number;
  closesAt: Date;
  /** Shown instead of the reaction counts when members' answers are hidden. */
  answersSoFar?: number | undefined;
  /** After close the question shows its answer; the reveal carries the explanations. */
  closed?: boolean;
}

export interface RevealView {
  /** Members per option letter. */
  spread: Partial<Record<Letter, number>>;
  answered: number;
  correct: number;
  /** Lines such as "🔥 <@id> reached a 7-day streak". */
  milestones: string[];
}

/** The daily question as members see it in the channel. */
export function questionEmbed(question: Question, track: Track, posting: PostingView): APIEmbed {
  const options = optionLetters(question).map(
    (letter) => `${answerEmoji[letter]} ${question.options[letter]}`,
  );
  const instruction =
    question.type === "multiple"
      ? `**Choose ${countWords[question.choose ?? 2]}.** React with every letter you pick.`
      : "React with your answer.";
  const status = posting.closed
    ? `Closed — answer: **${question.answer.join(", ")}**`
    : `Closes ${time(posting.closesAt, TimestampStyles.RelativeTime)}${posting.answersSoFar === undefined ? "" : ` · ${posting.answersSoFar} answers so far`}`;
  return {
    title: publicName(question.exam, posting.number),
    color: posting.closed ? colours.closed : colours.open,
    description: [stemLayout(question.stem), "", ...options, "", instruction, status].join("\n"),
    footer: { text: `${domainLine(question, track)} · question ${posting.sequence} in this channel` },
  };
}

/** The reveal: the answer, why each option is right or wrong, and how the channel answered. */
export function revealEmbed(
  question: Question,
  track: Track,
  posting: Pick<PostingView, "number" | "sequence">,
  reveal: RevealView,
): APIEmbed {
  const explanations = optionLetters(question).map((letter) => {
    const mark = question.answer.includes(letter) ? "✅" : "❌";
    return `${mark} **${letter}** — ${question.explanations[letter] ?? ""}`;
  });
  const fields = [
    { name: "How the channel answered", value: spreadLines(question, reveal).join("\n") },
    { name: "Read more", value: question.references.map((url) => `<${url}>`).join("\n") },
  ];
  if (reveal.milestones.length > 0)
    fields.push({ name: "Streaks", value: reveal.milestones.join("\n").slice(0, 1024) });
  const answerWord = question.answer.length > 1 ? "Answers" : "Answer";
  return {
    title: `${publicName(question.exam, posting.number)} · ${answerWord}: ${letterList(question.answer)}`,
    color: colours.reveal,
    description: explanations.join("\n\n"),
    fields,
    footer: {
      text: `${domainLine(question, track)} · question ${posting.sequence} in this channel · /question report if something looks wrong`,
    },
  };
}

function spreadLines(question: Question, reveal: RevealView): string[] {
  const total = Object.values(reveal.spread).reduce((sum, count) => sum + (count ?? 0), 0);
  const bars = optionLetters(question).map((letter) => {
    const count = reveal.spread[letter] ?? 0;
    const share = total === 0 ? 0 : count / total;
    const filled = Math.round(share * 10);
    return `${answerEmoji[letter]} \`${"█".repeat(filled)}${"░".repeat(10 - filled)}\` ${Math.round(share * 100)}% (${count})`;
  });
  const percent = reveal.answered === 0 ? 0 : Math.round((reveal.correct / reveal.answered) * 100);
  const summary =
    reveal.answered === 0
      ? "Nobody answered this one."
      : `${reveal.answered} ${reveal.answered === 1 ? "member" : "members"} answered · ${percent}% got it right`;
  return [...bars, summary];
}

function domainLine(question: Question, track: Track): string {
  const domain = track.domains.find((candidate) => candidate.number === question.domain);
  return `Domain ${question.domain}${domain ? ` ${domain.name}` : ""} · Task ${question.task}`;
}
