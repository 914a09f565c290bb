import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  escapeMarkdown,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { serverTimeZone } from "../../guilds/settings.js";
import { groupStandings } from "../../stats/group-standings.js";
import {
  createGroup,
  deleteGroup,
  groupNameLimit,
  groupsPerServer,
  joinGroup,
  leaveGroup,
  linkGroupRole,
  listGroups,
  type RoleHolders,
  searchGroupNames,
} from "../../stats/groups.js";
import type { Period } from "../../stats/zone.js";
import type { Command } from "../command.js";
import type { LinkedRoles } from "../linked-roles.js";
import { takeMemberLimit } from "../member-limits.js";
import { requireGuild, requireManageServer } from "../permissions.js";
import { respond } from "../reply.js";
import { UserError } from "../user-error.js";

const nameOption = (autocomplete: boolean) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "name",
    description: "The group's name",
    required: true,
    max_length: groupNameLimit,
    autocomplete,
  }) as const satisfies APIApplicationCommandBasicOption;

export const periodOption = {
  type: ApplicationCommandOptionType.String,
  name: "period",
  description: "This week, this month, or all time (default: this week)",
  choices: [
    { name: "this week", value: "week" },
    { name: "this month", value: "month" },
    { name: "all time", value: "all" },
  ],
} as const satisfies APIApplicationCommandBasicOption;

const subcommand = (name: string, description: string, options: APIApplicationCommandBasicOption[] = []) =>
  ({ type: ApplicationCommandOptionType.Subcommand, name, description, options }) as const;

const data = {
  name: "group",
  description: "Study groups: create, join, and compare",
  options: [
    subcommand("create", "Create a study group (you join it)", [nameOption(false)]),
    subcommand("join", "Join a study group", [nameOption(true)]),
    subcommand("leave", "Leave a study group", [nameOption(true)]),
    subcommand("list", "The server's study groups and their members"),
    subcommand("standings", "Groups ranked by average points per active member", [periodOption]),
    subcommand("delete", "Delete a study group (admins)", [nameOption(true)]),
    subcommand("link", "Count everyone with a role as members of a group (admins)", [
      nameOption(true),
      { type: ApplicationCommandOptionType.Role, name: "role", description: "The role", required: true },
    ]),
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

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

/** Said wherever a role-linked group's member count is shown: the count is a lower bound. */
const roleCountNote =
  "\n-# Groups linked to a role count the role's members I have seen: Discord does not list a role's members to bots without the Server Members intent.";

const noteIfLinked = (groups: readonly { roleId: string | null }[]) =>
  groups.some((group) => group.roleId) ? roleCountNote : "";

/** The role ids of the member running the command, whether or not the member is cached. */
export function memberRoleIds(interaction: ChatInputCommandInteraction): string[] {
  const roles = interaction.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

export function periodLabel(period: Period): string {
  return period === "all" ? "all time" : `this ${period}`;
}

const groupLabel = (name: string) => `**${escapeMarkdown(name)}**`;

export const groupCommand: Command = {
  data,
  visibility: (interaction) =>
    ["list", "standings"].includes(interaction.options.getSubcommand()) ? "public" : "private",
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const userId = interaction.user.id;
    const sub = interaction.options.getSubcommand();
    const name = interaction.options.getString("name") ?? "";
    const privately = (content: string) => respond(interaction, content);
    const unknown = () =>
      new UserError(`There is no group called ${groupLabel(name)} here. \`/group list\` shows them.`);

    if (sub === "create") {
      await takeMemberLimit("groupCreate", guildId, userId, ctx.clock.now());
      const outcome = await createGroup(ctx.db, guildId, name, userId);
      if (outcome.kind === "invalid") throw new UserError(outcome.reason);
      if (outcome.kind === "exists")
        throw new UserError(`${groupLabel(outcome.name)} already exists: join it.`);
      if (outcome.kind === "full") throw new UserError(`This server already has ${groupsPerServer} groups.`);
      await privately(`Created ${groupLabel(outcome.group.name)}, and you are in it.`);
    } else if (sub === "join") {
      const outcome = await joinGroup(ctx.db, guildId, name, userId);
      if (outcome.kind === "unknown") throw unknown();
      await privately(
        outcome.kind === "joined"
          ? `You joined ${groupLabel(outcome.group.name)}.`
          : `You are already in ${groupLabel(outcome.group.name)}.`,
      );
    } else if (sub === "leave") {
      const outcome = await leaveGroup(ctx.db, guildId, name, userId, memberRoleIds(interaction));
      if (outcome.kind === "unknown") throw unknown();
      const label = groupLabel(outcome.group.name);
      const viaRole = outcome.kind === "left" ? outcome.stillViaRole : outcome.viaRole;
      const roleNote = viaRole ? ` You still count as a member through <@&${outcome.group.roleId}>.` : "";
      await privately(
        (outcome.kind === "left" ? `You left ${label}.` : `You were not a member of ${label}.`) + roleNote,
      );
    } else if (sub === "list") {
      const groups = await listGroups(
        ctx.db,
        guildId,
        { userId, roleIds: memberRoleIds(interaction) },
        knownRoleHolders(interaction, ctx.linkedRoles),
      );
      const lines = groups.map(
        (group) =>
          `• ${groupLabel(group.name)} — ${group.members} member${group.members === 1 ? "" : "s"}` +
          (group.roleId ? ` · role <@&${group.roleId}>` : "") +
          (group.isMember ? " · you're in" : ""),
      );
      await respond(
        interaction,
        lines.length === 0
          ? "No study groups yet: start one with `/group create`."
          : `**Study groups**\n${lines.join("\n")}`.slice(0, 1700) + noteIfLinked(groups),
        "public",
      );
    } else if (sub === "standings") {
      const period = (interaction.options.getString("period") ?? "week") as Period;
      const standings = await groupStandings(ctx.db, guildId, period, {
        now: ctx.clock.now(),
        timeZone: await serverTimeZone(ctx.db, guildId),
        roleHolders: knownRoleHolders(interaction, ctx.linkedRoles),
      });
      const lines = standings.map(
        (group) =>
          `**${group.rank}.** ${groupLabel(group.name)} — ${group.average.toFixed(1)} points per active member` +
          ` (${group.points} points · ${group.active} active of ${group.members})`,
      );
      await respond(
        interaction,
        lines.length === 0
          ? "No study groups yet: start one with `/group create`."
          : `**Group standings, ${periodLabel(period)}**\n${lines.join("\n")}`.slice(0, 1700) +
              noteIfLinked(
                await listGroups(
                  ctx.db,
                  guildId,
                  { userId, roleIds: memberRoleIds(interaction) },
                  knownRoleHolders(interaction, ctx.linkedRoles),
                ),
              ),
        "public",
      );
    } else if (sub === "delete") {
      requireManageServer(interaction);
      const group = await deleteGroup(ctx.db, guildId, name);
      if (!group) throw unknown();
      await privately(`Deleted ${groupLabel(group.name)}.`);
    } else {
      requireManageServer(interaction);
      const role = interaction.options.getRole("role", true);
      const group = await linkGroupRole(ctx.db, guildId, name, role.id);
      if (!group) throw unknown();
      ctx.linkedRoles.add(role.id);
      await privately(`Everyone with <@&${role.id}> now counts as a member of ${groupLabel(group.name)}.`);
    }
  },
  async autocomplete(interaction, ctx) {
    if (!interaction.inGuild()) return interaction.respond([]);
    const names = await searchGroupNames(
      ctx.db,
      interaction.guildId,
      String(interaction.options.getFocused()),
    );
    await interaction.respond(names.map((name) => ({ name, value: name })));
  },
};
