import { MessageFlags } from "discord.js";
import {
  finishMockNow,
  goToMockQuestion,
  pickMockLetter,
  reviewMockQuestion,
} from "../../study/mock-exam.js";
import type { ComponentHandler } from "../component.js";
import { mockMessage, mockReviewEmbed } from "../render/mock-exam.js";
import { UserError } from "../user-error.js";

const notYours = "That button is not part of a mock exam of yours.";

/** The buttons of a mock: exam:pick|go|finish|review:<session>:<position>[:<letter or target>]. */
export const examButtons: ComponentHandler = {
  feature: "exam",
  async execute(interaction, { action, ids }, ctx) {
    if (!interaction.inGuild()) throw new UserError("Mock exams work in a server.");
    const clicker = { guildId: interaction.guildId, userId: interaction.user.id };
    const [session = Number.NaN, position = Number.NaN, target = Number.NaN] = ids.map(Number);
    if (action === "review") {
      // A new private message, so the report stays on screen above it.
      const found = await reviewMockQuestion(ctx.db, clicker, session, position);
      if (!found) throw new UserError(notYours);
      const embed = mockReviewEmbed(
        found.session.exam,
        found.session.size,
        found.item,
        ctx.tracks.get(found.session.exam),
      );
      await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferUpdate();
    const outcome =
      action === "pick"
        ? await pickMockLetter(ctx, clicker, session, position, ids[2] ?? "")
        : action === "go"
          ? await goToMockQuestion(ctx, clicker, session, position, target)
          : action === "finish"
            ? await finishMockNow(ctx, clicker, session)
            : { kind: "not-yours" as const };
    if (outcome.kind === "not-yours") throw new UserError(notYours);
    await interaction.editReply(mockMessage(outcome.view, ctx.tracks));
  },
};
