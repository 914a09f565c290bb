import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import { UserError } from "./user-error.js";

/** Admin commands are hidden by default_member_permissions; this re-checks on our side, since server admins can override that. */
export const manageServer = PermissionFlagsBits.ManageGuild.toString();

export function requireManageServer(interaction: ChatInputCommandInteraction): void {
  if (!interaction.inGuild()) throw new UserError("This command works in a server, not in DMs.");
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError("Only members with the **Manage Server** permission can do this.");
  }
}

export function requireGuild(interaction: ChatInputCommandInteraction): string {
  if (!interaction.inGuild()) throw new UserError("This command works in a server, not in DMs.");
  return interaction.guildId;
}

/** The named permissions the bot lacks in a channel of this server ("View Channel" if it cannot see it). */
export function botMissingIn(
  interaction: ChatInputCommandInteraction,
  channelId: string,
  wanted: readonly (readonly [bigint, string])[],
): string[] {
  const me = interaction.guild?.members.me;
  const channel = interaction.guild?.channels.cache.get(channelId);
  if (!me || !channel) return ["View Channel"];
  const granted = channel.permissionsFor(me);
  return wanted.filter(([flag]) => !granted.has(flag)).map(([, name]) => name);
}
