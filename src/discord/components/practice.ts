import {
  nextPracticeQuestion,
  pickPracticeLetter,
  stopPractice,
  submitPracticeAnswer,
} from "../../study/practice.js";
import type { ComponentHandler } from "../component.js";
import { practiceMessage } from "../render/practice.js";
import { UserError } from "../user-error.js";

/** The buttons of a practice session: practice:pick|submit|next|stop:<session>:<position>[:<letter>]. */
export const practiceButtons: ComponentHandler = {
  feature: "practice",
  async execute(interaction, { action, ids }, ctx) {
    if (!interaction.inGuild()) throw new UserError("Practice works in a server.");
    const clicker = { guildId: interaction.guildId, userId: interaction.user.id };
    const [session = Number.NaN, position = Number.NaN] = ids.slice(0, 2).map(Number);
    await interaction.deferUpdate();
    const outcome =
      action === "pick"
        ? await pickPracticeLetter(ctx, clicker, session, position, ids[2] ?? "")
        : action === "submit"
          ? await submitPracticeAnswer(ctx, clicker, session, position)
          : action === "next"
            ? await nextPracticeQuestion(ctx, clicker, session, position)
            : action === "stop"
              ? await stopPractice(ctx, clicker, session)
              : { kind: "not-yours" as const };
    if (outcome.kind === "not-yours")
      throw new UserError("That button is not part of a practice session of yours.");
    await interaction.editReply(practiceMessage(outcome.view, ctx.tracks.get(outcome.view.session.exam)));
  },
};
