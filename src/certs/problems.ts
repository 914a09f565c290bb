// Expected problems with a member's input, as values, and the words that tell the member what to fix.
import type { CalendarDate, Certification, UnknownCertification } from "../renewal/index.js";
import type { DateInput } from "./dates.js";

export type DateProblem = Exclude<DateInput, { kind: "date" }>;
export type InputProblem =
  | UnknownCertification
  | DateProblem
  | { kind: "not-held"; cert: Certification }
  | { kind: "exam-retired"; cert: Certification; lastExamDay: CalendarDate };

const problemKinds: ReadonlySet<string> = new Set<InputProblem["kind"]>([
  "unknown",
  "malformed-date",
  "future-date",
  "too-early",
  "not-held",
  "exam-retired",
]);

export function isInputProblem<T extends { kind: string }>(
  outcome: T | InputProblem,
): outcome is InputProblem {
  return problemKinds.has(outcome.kind);
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

export function describeProblem(problem: InputProblem): string {
  switch (problem.kind) {
    case "unknown": {
      const hint =
        problem.suggestions.length > 0
          ? ` — did you mean ${orList(problem.suggestions)}?`
          : ". Pick one from the list that appears as you type.";
      return `Unknown certification '${problem.input.trim()}'${hint}`;
    }
    case "malformed-date":
      return `'${problem.input}' is not a date I can read: write it YYYY-MM-DD, e.g. 2026-04-14.`;
    case "future-date":
      return `${problem.date} is in the future (today is ${problem.today}): give the day it already happened.`;
    case "too-early":
      return `${problem.date} is before ${problem.earliest}: check the year, and give the day you passed, YYYY-MM-DD.`;
    case "not-held":
      return `You have no ${problem.cert.code} recorded, so there is nothing to remove. See \`/certs list\`.`;
    case "exam-retired":
      return `The ${problem.cert.code} exam was retired: its last exam day was ${problem.lastExamDay}.`;
  }
}
