import type { ChatInputCommandInteraction } from "discord.js";
import type { RoleHolders } from "../stats/groups.js";
import type { LinkedRoles } from "./linked-roles.js";

/**
 * Holders of a role among the members this bot has seen (without the privileged Guild Members intent
 * Discord does not list a role's members); the member asking is always among them. The member cache
 * keeps only holders of linked roles, so a role asked about here is remembered as linked from now on.
 */
export function knownRoleHolders(interaction: ChatInputCommandInteraction, linked: LinkedRoles): RoleHolders {
  return (roleId) => {
    linked.add(roleId);
    const seen = interaction.guild?.roles.cache.get(roleId)?.members.map((member) => member.id) ?? [];
    const asker = memberRoleIds(interaction).includes(roleId) ? [interaction.user.id] : [];
    return [...new Set([...seen, ...asker])];
  };
}

/** The role ids of the member running the command, whether or not the member is cached. */
export function memberRoleIds(interaction: ChatInputCommandInteraction): string[] {
  const roles = interaction.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}
