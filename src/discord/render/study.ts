import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  TimestampStyles,
  time,
} from "discord.js";
import { type Letter, optionLetters, type Question } from "../../questions/question.js";
import type { Track } from "../../questions/track.js";
import { answerEmoji } from "../answer-emoji.js";
import { embedLimits, embedProblems } from "./embed-limits.js";

/** Embeds and buttons shared by practice sessions and mock exams. Members never see a question's id. */

export const studyColours = { open: 0x8b5cf6, right: 0x22c55e, wrong: 0xef4444, report: 0x3b82f6 } as const;
const countWords = ["zero", "one", "two", "three", "four", "five", "six"];

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface QuestionHeading {
  /** "AIP-C01 practice" or "AIP-C01 mock exam". */
  label: string;
  position: number;
  size: number;
  /** Practice scores a choose-N answer on Submit; a mock keeps answers open until the end. */
  mode: "practice" | "mock";
}

/** "Domain 2 Implementation and Integration · Task 2.4" */
export function domainLine(track: Track | undefined, domain: number, task?: string): string {
  const name = track?.domains.find((candidate) => candidate.number === domain)?.name;
  return `Domain ${domain}${name ? ` ${name}` : ""}${task ? ` · Task ${task}` : ""}`;
}

/** A question on screen, before it is answered: stem, options, what to pick, and extra lines. */
export function studyQuestionEmbed(
  question: Question,
  track: Track | undefined,
  heading: QuestionHeading,
  lines: string[],
): APIEmbed {
  const options = optionLetters(question).map(
    (letter) => `${answerEmoji[letter]} ${question.options[letter]}`,
  );
  const choose = `**Choose ${countWords[question.choose ?? 2]}.**`;
  const instruction =
    heading.mode === "mock"
      ? `${question.type === "multiple" ? `${choose} ` : ""}You can change your answer until you finish.`
      : question.type === "multiple"
        ? `${choose} Pick every letter, then Submit.`
        : "Pick your answer.";
  return {
    title: `${heading.label} · question ${heading.position} of ${heading.size}`,
    color: studyColours.open,
    description: [question.stem, "", ...options, "", instruction, ...lines]
      .join("\n")
      .slice(0, embedLimits.description),
    footer: { text: domainLine(track, question.domain, question.task) },
  };
}

/**
 * The question after an answer: every option marked right or wrong with its explanation, the member's
 * pick, and the references. When it would not fit Discord's limits, the stem and then the option texts
 * are shortened, never the explanations.
 */
export function studyFeedbackEmbed(
  question: Question,
  track: Track | undefined,
  heading: QuestionHeading,
  chosen: Letter[],
  lines: string[] = [],
): APIEmbed {
  const right = chosen.length > 0 && chosen.join("") === [...question.answer].sort().join("");
  const build = (stemLimit: number, optionLimit: number): APIEmbed => ({
    title: `${heading.label} · question ${heading.position} of ${heading.size} · ${right ? "✅ right" : "❌ not quite"}`,
    color: right ? studyColours.right : studyColours.wrong,
    description: [
      ...(stemLimit > 0 ? [shorten(question.stem, stemLimit), ""] : []),
      ...optionLetters(question).map((letter) => {
        const mark = question.answer.includes(letter) ? "✅" : "❌";
        const yours = chosen.includes(letter) ? " ← yours" : "";
        return `${mark} **${letter}** ${shorten(question.options[letter] ?? "", optionLimit)}${yours}\n${question.explanations[letter] ?? ""}`;
      }),
      "",
      `**Answer: ${question.answer.join(", ")}**${chosen.length > 0 ? ` · you picked ${chosen.join(", ")}` : " · not answered"}`,
      ...lines,
    ].join("\n"),
    fields: [
      {
        name: "Read more",
        value: question.references
          .map((url) => `<${url}>`)
          .join("\n")
          .slice(0, 1024),
      },
    ],
    footer: { text: domainLine(track, question.domain, question.task) },
  });
  const steps: Array<[number, number]> = [
    [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    [600, 200],
    [200, 100],
    [0, 60],
  ];
  for (const [stemLimit, optionLimit] of steps) {
    const embed = build(stemLimit, optionLimit);
    if (embedProblems(embed).length === 0) return embed;
  }
  const smallest = build(0, 30);
  return { ...smallest, description: smallest.description?.slice(0, embedLimits.description) };
}

function shorten(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Letter buttons: picked letters are highlighted; `idFor` makes each button's custom id. */
export function letterButtons(
  question: Question,
  picked: readonly Letter[],
  idFor: (letter: Letter) => string,
): ButtonRow {
  return row(
    optionLetters(question).map((letter) =>
      button(idFor(letter), letter, picked.includes(letter) ? ButtonStyle.Primary : ButtonStyle.Secondary),
    ),
  );
}

export function button(
  customId: string,
  label: string,
  style:
    | ButtonStyle.Primary
    | ButtonStyle.Secondary
    | ButtonStyle.Success
    | ButtonStyle.Danger = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label, style, disabled };
}

export function row(buttons: APIButtonComponentWithCustomId[]): ButtonRow {
  return { type: ComponentType.ActionRow, components: buttons };
}

/** "Ends in 18 minutes (10:42)": the member's client counts down by itself. */
export function deadlineLine(deadline: Date): string {
  return `⏱️ Ends ${time(deadline, TimestampStyles.RelativeTime)} (${time(deadline, TimestampStyles.ShortTime)})`;
}

/** 1 h 5 min, 12 min 30 s, 45 s */
export function duration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return rest > 0 ? `${minutes} min ${rest} s` : `${minutes} min`;
  return `${rest} s`;
}
