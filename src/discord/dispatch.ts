import type { BaseInteraction, ChatInputCommandInteraction } from "discord.js";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import type { Command, CommandContext } from "./command.js";
import { deferAnswer, respond } from "./reply.js";
import { UserError } from "./user-error.js";

const internalErrorMessage =
  "Something went wrong on my side. It has been logged; please try again in a minute.";
export const databaseUnavailableMessage = "The database is unavailable right now; try again in a minute.";

/** Discord drops an interaction not acknowledged within 3 s; a command still working by then is deferred. */
export const deferAfterMs = 2_000;

/** The one place that routes interactions to commands and owns their errors. */
export async function dispatchInteraction(interaction: BaseInteraction, ctx: CommandContext): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isAutocomplete()) return;
  const command = ctx.commands.find((candidate) => candidate.data.name === interaction.commandName);
  const log = ctx.log.child({
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    command: interaction.commandName,
  });
  if (!command) {
    log.warn("interaction for an unknown command");
    return;
  }
  if (interaction.isAutocomplete()) {
    try {
      await command.autocomplete?.(interaction, { ...ctx, log });
    } catch (error) {
      log.error({ err: error }, "autocomplete failed");
      if (!interaction.responded) await interaction.respond([]).catch(() => {});
    }
    return;
  }
  const deferral = setTimeout(() => {
    deferAnswer(interaction, visibilityOf(command, interaction)).catch((error) =>
      log.warn({ err: error }, "could not defer a slow command"),
    );
  }, deferAfterMs);
  try {
    await command.execute(interaction, { ...ctx, log });
  } catch (error) {
    const message =
      error instanceof UserError
        ? error.message
        : isDatabaseUnavailable(error)
          ? databaseUnavailableMessage
          : internalErrorMessage;
    if (!(error instanceof UserError)) log.error({ err: error }, "command failed");
    await respond(interaction, message).catch((replyError) =>
      log.warn({ err: replyError }, "could not tell the member that the command failed"),
    );
  } finally {
    clearTimeout(deferral);
  }
}

function visibilityOf(command: Command, interaction: ChatInputCommandInteraction) {
  const { visibility = "private" } = command;
  return typeof visibility === "function" ? visibility(interaction) : visibility;
}
