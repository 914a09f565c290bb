import type { ChatInputCommandInteraction } from "discord.js";
import type { RoleHolders } from "../stats/groups.js";

/**
 * Holders of a role among the members this bot has seen (without the privileged Guild Members intent
 * Discord does not list a role's members); the member asking is always among them.
 */
export function knownRoleHolders(interaction: ChatInputCommandInteraction): RoleHolders {
  return (roleId) => interaction.guild?.roles.cache.get(roleId)?.members.map((member) => member.id) ?? [];
}

/** The role ids of the member running the command, whether or not the member is cached. */
export function memberRoleIds(interaction: ChatInputCommandInteraction): string[] {
  const roles = interaction.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}
