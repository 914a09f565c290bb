import {
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
} from "discord.js";
import { isDatabaseUnavailable } from "../db/unavailable.js";
import type { Command, CommandContext } from "./command.js";
import { parseCustomId } from "./component.js";
import { deferAnswer, respond } from "./reply.js";
import { UserError } from "./user-error.js";

const internalErrorMessage =
  "Something went wrong on my side. It has been logged; please try again in a minute.";
export const databaseUnavailableMessage = "The database is unavailable right now; try again in a minute.";

/** Discord drops an interaction not acknowledged within 3 s; a command still working by then is deferred. */
export const deferAfterMs = 2_000;

/** The one place that routes interactions to commands and buttons, and owns their errors. */
export async function dispatchInteraction(interaction: BaseInteraction, ctx: CommandContext): Promise<void> {
  if (interaction.isButton()) return dispatchButton(interaction, ctx);
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
    await runHandled(interaction, log, () => command.execute(interaction, { ...ctx, log }));
  } finally {
    clearTimeout(deferral);
  }
}

/** A button click: `<feature>:<action>:<ids…>` goes to the feature's handler (src/discord/components/). */
async function dispatchButton(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const route = parseCustomId(interaction.customId);
  const log = ctx.log.child({
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
    component: `${route.feature}:${route.action}`,
  });
  const handler = ctx.components.find((candidate) => candidate.feature === route.feature);
  await runHandled(interaction, log, async () => {
    if (!handler) throw new UserError("This button is no longer in use.");
    await handler.execute(interaction, route, { ...ctx, log });
  });
}

type Handled = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Runs a handler; only a UserError's message (or "the database is unavailable") reaches the member,
 * privately; the rest is logged and replaced by a generic line.
 */
async function runHandled(interaction: Handled, log: CommandContext["log"], work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    const message =
      error instanceof UserError
        ? error.message
        : isDatabaseUnavailable(error)
          ? databaseUnavailableMessage
          : internalErrorMessage;
    if (!(error instanceof UserError))
      log.error({ err: error }, interaction.isButton() ? "button failed" : "command failed");
    await answerPrivately(interaction, message).catch((replyError) =>
      log.warn({ err: replyError }, "could not tell the member that the interaction failed"),
    );
  }
}

/**
 * A private answer in whatever state the interaction is in: commands through the one reply path; a
 * button's message (a session the member is using) is left alone and the answer comes as a follow-up.
 */
async function answerPrivately(interaction: Handled, content: string): Promise<void> {
  if (interaction.isChatInputCommand()) return respond(interaction, content);
  if (!interaction.deferred && !interaction.replied)
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  else await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
}

function visibilityOf(command: Command, interaction: ChatInputCommandInteraction) {
  const { visibility = "private" } = command;
  return typeof visibility === "function" ? visibility(interaction) : visibility;
}
