import { ButtonStyle, type InteractionUpdateOptions } from "discord.js";
import type { Track } from "../../questions/track.js";
import type { PracticeReason } from "../../study/choose-practice-question.js";
import type { PracticeView } from "../../study/practice.js";
import { lettersOf } from "../../study/sessions.js";
import { customId } from "../component.js";
import { button, letterButtons, row, studyColours, studyFeedbackEmbed, studyQuestionEmbed } from "./study.js";

const reasons: Record<PracticeReason, string> = {
  missed: "🔁 You missed this one before: here it is again.",
  due: "🧠 Due for review: spaced repetition says you may be forgetting it.",
  "weak-domain": "🎯 From the domain where you have the most exam points at stake.",
  repeat: "♻️ Every question here has been asked this session: going round again.",
};

const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`);

/** A practice session's message: the question, the feedback after an answer, or the summary. */
export function practiceMessage(view: PracticeView, track: Track | undefined): InteractionUpdateOptions {
  const { session } = view;
  const label = `${session.exam} practice${session.domain ? ` · domain ${session.domain}` : ""}`;
  if (view.kind === "summary") {
    const verb = session.status === "stopped" ? "stopped" : "finished";
    return {
      content: "",
      embeds: [
        {
          title: `${label} · ${verb}`,
          color: studyColours.report,
          description: [
            `**${view.correct} of ${view.answered}** right (${percent(view.correct, view.answered)}).`,
            "",
            "What you missed comes back first next time: run `/practice` again.",
            "Practice counts in your `/stats` (practice figures and readiness), never in the daily leaderboards.",
          ].join("\n"),
        },
      ],
      components: [],
    };
  }
  const { item } = view;
  const heading = { label, position: item.position, size: session.size, mode: "practice" as const };
  const score = `So far: ${view.correct} of ${view.answered} right.`;
  const stop = button(customId("practice", "stop", session.id), "Stop", ButtonStyle.Danger);
  if (item.answeredAt) {
    const last = item.position >= session.size;
    const next = button(
      customId("practice", "next", session.id, item.position),
      last ? "Finish" : "Next",
      ButtonStyle.Success,
    );
    return {
      content: "",
      embeds: [studyFeedbackEmbed(item.question, track, heading, lettersOf(item.choices), [score])],
      components: [row(last ? [next] : [next, stop])],
    };
  }
  const picked = lettersOf(item.choices);
  const letters = letterButtons(item.question, picked, (letter) =>
    customId("practice", "pick", session.id, item.position, letter),
  );
  const controls =
    item.answerSize > 1
      ? [
          button(
            customId("practice", "submit", session.id, item.position),
            `Submit (${picked.length}/${item.answerSize})`,
            ButtonStyle.Success,
            picked.length !== item.answerSize,
          ),
          stop,
        ]
      : [stop];
  return {
    content: "",
    embeds: [
      studyQuestionEmbed(item.question, track, heading, [
        "",
        ...(view.reason ? [reasons[view.reason]] : []),
        score,
      ]),
    ],
    components: [letters, row(controls)],
  };
}
