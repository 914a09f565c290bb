import { MessageFlags } from "discord.js";
import { answerOf } from "../../quiz/answers.js";
import { findPosting } from "../../quiz/postings.js";
import type { ComponentHandler } from "../component.js";
import { letterList } from "../render/letters.js";
import { UserError } from "../user-error.js";

/**
 * The button under a daily question with hidden answers: quiz:my-answer:<posting>. It shows the clicker
 * their own recorded letters, privately; the custom id names the posting only, so a forged one can
 * never show anyone else's answer.
 */
export const quizButtons: ComponentHandler = {
  feature: "quiz",
  async execute(interaction, { action, ids }, ctx) {
    const posting = action === "my-answer" ? await findPosting(ctx.db, Number(ids[0])) : undefined;
    if (!posting || posting.messageId !== interaction.message.id)
      throw new UserError("That button does not belong to a daily question.");
    const choices = (await answerOf(ctx.db, posting.id, interaction.user.id)) ?? "";
    const letters = letterList(choices);
    const closed = posting.closedAt !== null || posting.closesAt <= ctx.clock.now();
    const content =
      choices === ""
        ? closed
          ? "You did not answer this question before it closed."
          : "No answer is recorded for you yet: react with a letter (the reaction disappears once it is recorded)."
        : closed
          ? `Your answer was **${letters}**.`
          : `Your recorded answer: **${letters}**. Only you can see this; react again to change it.`;
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  },
};
