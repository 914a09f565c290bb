import { PermissionFlagsBits } from "discord.js";
import { HttpError } from "./errors.js";
import type { State } from "./state.js";

/** All permission bits, which the guild owner and administrators have. */
const ALL = (1n << 53n) - 1n;

/** What a plain member gets from @everyone in a new guild. */
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands;

/** Guild-level permissions: @everyone plus the member's roles (Discord's algorithm). */
export function guildPermissions(state: State, guildId: string, userId: string): bigint {
  const guild = state.guilds.get(guildId);
  const member = state.member(guildId, userId);
  if (!guild || !member) return 0n;
  if (guild.ownerId === userId) return ALL;
  let permissions = state.roles.get(guildId)?.permissions ?? 0n;
  for (const roleId of member.roleIds) permissions |= state.roles.get(roleId)?.permissions ?? 0n;
  return permissions & PermissionFlagsBits.Administrator ? ALL : permissions;
}

/** Channel permissions: guild permissions, then @everyone, role and member overwrites in that order. */
export function channelPermissions(state: State, channelId: string, userId: string): bigint {
  const channel = state.channels.get(channelId);
  if (!channel) return 0n;
  // A DM is between the bot and its recipient.
  if (channel.guildId === null)
    return channel.recipientIds.includes(userId) || userId === state.botUser.id ? ALL : 0n;
  const base = guildPermissions(state, channel.guildId, userId);
  if (base === ALL) return ALL;
  const member = state.member(channel.guildId, userId);
  let permissions = base;
  const everyone = channel.overwrites.find((o) => o.id === channel.guildId);
  if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of channel.overwrites) {
    if (o.type === "role" && o.id !== channel.guildId && member?.roleIds.includes(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = channel.overwrites.find((o) => o.type === "member" && o.id === userId);
  if (own) permissions = (permissions & ~own.deny) | own.allow;
  // Without View Channel nothing else in the channel counts.
  return permissions & PermissionFlagsBits.ViewChannel ? permissions : 0n;
}

/** Throw Discord's 403 50013 unless the user has every one of `required` in the channel. */
export function requireChannelPermissions(state: State, channelId: string, userId: string, required: bigint) {
  const granted = channelPermissions(state, channelId, userId);
  if ((granted & required) !== required) throw new HttpError(403, 50013, "Missing Permissions");
}
