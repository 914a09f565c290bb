import { type BaseInteraction, type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { CommandContext } from "./command.js";
import { UserError } from "./user-error.js";

const internalErrorMessage =
  "Something went wrong on my side. It has been logged; please try again in a minute.";

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
  try {
    await command.execute(interaction, { ...ctx, log });
  } catch (error) {
    if (error instanceof UserError) {
      await replyPrivately(interaction, error.message);
      return;
    }
    log.error({ err: error }, "command failed");
    await replyPrivately(interaction, internalErrorMessage).catch((replyError) =>
      log.warn({ err: replyError }, "could not tell the member that the command failed"),
    );
  }
}

async function replyPrivately(interaction: ChatInputCommandInteraction, content: string): Promise<void> {
  if (interaction.deferred || interaction.replied) {
    await interaction.editReply({ content, embeds: [], files: [], components: [] });
  } else {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  }
}
