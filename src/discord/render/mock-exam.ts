import { type APIEmbed, ButtonStyle, type InteractionUpdateOptions } from "discord.js";
import type { Track } from "../../questions/track.js";
import type { MockAttempt, MockQuestionView, MockView } from "../../study/mock-exam.js";
import { type MockReport, secondsPerQuestion } from "../../study/mock-report.js";
import { type ItemWithQuestion, lettersOf } from "../../study/sessions.js";
import { customId } from "../component.js";
import {
  button,
  deadlineLine,
  duration,
  letterButtons,
  row,
  studyColours,
  studyFeedbackEmbed,
  studyQuestionEmbed,
} from "./study.js";

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`);
/** Review buttons on the report: four rows of five, Discord's five-row limit leaves room for nothing else. */
const reviewButtons = 20;

const heading = (exam: string, position: number, size: number) =>
  ({ label: `${exam} mock exam`, position, size, mode: "mock" }) as const;

/** A mock view as a message: its current question, or the report once it is over. */
export function mockMessage(view: MockView, tracks: ReadonlyMap<string, Track>): InteractionUpdateOptions {
  return view.kind === "report"
    ? mockReportMessage(view.report)
    : mockQuestionMessage(view, tracks.get(view.session.exam));
}

/** A running mock's question: no key and no feedback; the deadline counts down in the member's client. */
export function mockQuestionMessage(
  view: MockQuestionView,
  track: Track | undefined,
): InteractionUpdateOptions {
  const { session, item, answered } = view;
  const position = item.position;
  const unanswered = Array.from({ length: session.size }, (_, index) => index + 1).filter(
    (candidate) => !answered.includes(candidate),
  );
  const nextOpen =
    unanswered.find((candidate) => candidate > position) ??
    unanswered.find((candidate) => candidate !== position);
  const go = (to: number) => customId("exam", "go", session.id, position, to);
  const navigation = [
    button(go(position - 1), "◀ Previous", ButtonStyle.Secondary, position <= 1),
    button(go(position + 1), "Next ▶", ButtonStyle.Secondary, position >= session.size),
    ...(nextOpen !== undefined && nextOpen !== position + 1
      ? [button(go(nextOpen), `Unanswered: ${nextOpen}`)]
      : []),
    button(customId("exam", "finish", session.id), "Finish", ButtonStyle.Danger),
  ];
  return {
    content: "",
    embeds: [
      studyQuestionEmbed(item.question, track, heading(session.exam, position, session.size), [
        "",
        deadlineLine(session.deadline),
        `Answered ${answered.length} of ${session.size} · pace ${duration(secondsPerQuestion)} a question`,
      ]),
    ],
    components: [
      letterButtons(item.question, lettersOf(item.choices), (letter) =>
        customId("exam", "pick", session.id, position, letter),
      ),
      row(navigation),
    ],
  };
}

/** The score report: per domain, the projection against the pass mark, time against pace, what to review. */
export function mockReportMessage(report: MockReport): InteractionUpdateOptions {
  const { session, readiness } = report;
  const verdict = readiness.score >= readiness.passingScore ? "at or above" : "below";
  const domains = report.domains.map(
    (domain) =>
      `${domain.number}. ${domain.name} (weight ${domain.weight}%): **${domain.correct}/${domain.total}** (${percent(domain.correct, domain.total)})`,
  );
  const slowest = report.slowest.map(
    (entry) => `Question ${entry.position} (domain ${entry.domain}): ${duration(entry.seconds)}`,
  );
  const review = report.review.map(
    (entry) =>
      `Question ${entry.position} (domain ${entry.domain})${entry.choices === "" ? " · not answered" : ""}`,
  );
  const embed: APIEmbed = {
    title: `${session.exam} mock exam · report`,
    color: studyColours.report,
    description: [
      `**${report.correct} of ${report.total}** right (${percent(report.correct, report.total)})${report.unanswered > 0 ? ` · ${report.unanswered} not answered (counted wrong)` : ""}`,
      `Projected **${readiness.score}** ± ${readiness.margin} on ${readiness.scoreRange[0]}–${readiness.scoreRange[1]}, ${verdict} the pass mark of ${readiness.passingScore}.`,
      `Time: ${duration(report.secondsUsed)} of ${duration(report.secondsAllowed)}${report.timedOut ? " · **time ran out**" : ""} · ${duration(Math.round(report.secondsUsed / Math.max(1, report.total)))} a question against a pace of ${duration(secondsPerQuestion)}`,
    ].join("\n"),
    fields: [
      { name: "By domain", value: domains.join("\n").slice(0, 1024) || "—" },
      {
        name: "Slowest questions",
        value: (slowest.length > 0 ? slowest.join("\n") : "None over the pace: well done.").slice(0, 1024),
      },
      {
        name: `To review (${report.review.length})`,
        value: (review.length > 0 ? review.join("\n") : "Nothing: every answer was right.").slice(0, 1024),
      },
    ],
    footer: {
      text: `A projection from ${report.total} questions, not AWS's scoring: the ± is a 95% interval. Open a question below for its explanation.`,
    },
  };
  const buttons = report.review
    .slice(0, reviewButtons)
    .map((entry) =>
      button(customId("exam", "review", session.id, entry.position), `Review ${entry.position}`),
    );
  const rows = [];
  for (let start = 0; start < buttons.length; start += 5) rows.push(row(buttons.slice(start, start + 5)));
  const more =
    report.review.length > reviewButtons
      ? `Review buttons for the first ${reviewButtons} of ${report.review.length}.`
      : "";
  return { content: more, embeds: [embed], components: rows };
}

/** One question of a finished mock, with the key and every explanation. */
export function mockReviewEmbed(
  exam: string,
  size: number,
  item: ItemWithQuestion,
  track: Track | undefined,
): APIEmbed {
  return studyFeedbackEmbed(
    item.question,
    track,
    heading(exam, item.position, size),
    lettersOf(item.choices),
  );
}

/** `/exam history`: one line per finished attempt, newest first. */
export function mockHistoryLines(attempts: readonly MockAttempt[]): string[] {
  return attempts.map(({ session, correct }) => {
    const used = session.finishedAt
      ? Math.round((session.finishedAt.getTime() - session.startedAt.getTime()) / 1000)
      : 0;
    const projection =
      session.projectedScore === null
        ? ""
        : ` · projected **${session.projectedScore}** ± ${session.projectedMargin ?? 0}`;
    return `${session.startedAt.toISOString().slice(0, 10)} · ${session.exam} · ${session.size} questions · ${correct}/${session.size}${projection} · ${duration(used)}`;
  });
}
