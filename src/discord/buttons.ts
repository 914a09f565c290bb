import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { CommandContext } from "./command.js";
import { UserError } from "./user-error.js";

/**
 * Buttons, routed by the first part of their custom id (`privacy:delete:<userId>` → "privacy"). Custom
 * ids carry ids, never secrets or answers: a click is a fresh interaction and is checked again.
 */
export interface ButtonHandler {
  prefix: string;
  /** `args` are the custom id's parts after the prefix. */
  click(interaction: ButtonInteraction, args: string[], ctx: CommandContext): Promise<void>;
}

const failedMessage = "Something went wrong on my side. It has been logged; please try again in a minute.";

/** Finds the handler for a click and owns its errors, as the slash-command dispatcher does for commands. */
export async function routeButton(
  interaction: ButtonInteraction,
  handlers: readonly ButtonHandler[],
  ctx: CommandContext,
): Promise<void> {
  const [prefix = "", ...args] = interaction.customId.split(":");
  const handler = handlers.find((candidate) => candidate.prefix === prefix);
  const log = ctx.log.child({ guildId: interaction.guildId, userId: interaction.user.id, button: prefix });
  if (!handler) {
    log.warn({ customId: interaction.customId }, "click on a button nothing handles");
    return;
  }
  try {
    await handler.click(interaction, args, { ...ctx, log });
  } catch (error) {
    const content = error instanceof UserError ? error.message : failedMessage;
    if (!(error instanceof UserError)) log.error({ err: error }, "button failed");
    const answer =
      interaction.replied || interaction.deferred
        ? interaction.followUp({ content, flags: MessageFlags.Ephemeral })
        : interaction.reply({ content, flags: MessageFlags.Ephemeral });
    await answer.catch((replyError) =>
      log.warn({ err: replyError }, "could not tell the member the click failed"),
    );
  }
}
