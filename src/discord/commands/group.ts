import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  escapeMarkdown,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  roleMention,
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
  searchGroupNames,
} from "../../stats/groups.js";
import { defineCommand } from "../command.js";
import { takeMemberLimit } from "../member-limits.js";
import { periodLabel, periodOption, subcommand } from "../options.js";
import { requireGuild, requireManageServer } from "../permissions.js";
import { respond } from "../reply.js";
import { knownRoleHolders, memberRoleIds } from "../roles.js";
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

const data = {
  name: "group",
  description: "Study groups: create, join, and compare",
  options: [
    subcommand("create", "Create a study group (you join it)", [nameOption(false)]),
    subcommand("join", "Join a study group", [nameOption(true)]),
    subcommand("leave", "Leave a study group", [nameOption(true)]),
    subcommand("list", "The server's study groups and their members", []),
    subcommand("standings", "Groups ranked by average points per active member", [periodOption]),
    subcommand("delete", "Delete a study group (admins)", [nameOption(true)]),
    subcommand("link", "Count everyone with a role as members of a group (admins)", [
      nameOption(true),
      { type: ApplicationCommandOptionType.Role, name: "role", description: "The role", required: true },
    ]),
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Said wherever a role-linked group's member count is shown: the count is a lower bound. */
const roleCountNote =
  "\n-# Groups linked to a role count the role's members I have seen: Discord does not list a role's members to bots without the Server Members intent.";

const noteIfLinked = (groups: readonly { roleId: string | null }[]) =>
  groups.some((group) => group.roleId) ? roleCountNote : "";

const groupLabel = (name: string) => `**${escapeMarkdown(name)}**`;

const unknown = (name: string) =>
  new UserError(`There is no group called ${groupLabel(name)} here. \`/group list\` shows them.`);

export const groupCommand = defineCommand({
  data,
  visibility: (interaction) =>
    ["list", "standings"].includes(interaction.options.getSubcommand()) ? "public" : "private",
  subcommands: {
    async create(interaction, { name }, ctx) {
      const guildId = requireGuild(interaction);
      const userId = interaction.user.id;
      await takeMemberLimit("groupCreate", guildId, userId, ctx.clock.now());
      const outcome = await createGroup(ctx.db, guildId, name, userId);
      if (outcome.kind === "invalid") throw new UserError(outcome.reason);
      if (outcome.kind === "exists")
        throw new UserError(`${groupLabel(outcome.name)} already exists: join it.`);
      if (outcome.kind === "full") throw new UserError(`This server already has ${groupsPerServer} groups.`);
      await respond(interaction, `Created ${groupLabel(outcome.group.name)}, and you are in it.`);
    },
    async join(interaction, { name }, ctx) {
      const outcome = await joinGroup(ctx.db, requireGuild(interaction), name, interaction.user.id);
      if (outcome.kind === "unknown") throw unknown(name);
      await respond(
        interaction,
        outcome.kind === "joined"
          ? `You joined ${groupLabel(outcome.group.name)}.`
          : `You are already in ${groupLabel(outcome.group.name)}.`,
      );
    },
    async leave(interaction, { name }, ctx) {
      const guildId = requireGuild(interaction);
      const outcome = await leaveGroup(
        ctx.db,
        guildId,
        name,
        interaction.user.id,
        memberRoleIds(interaction),
      );
      if (outcome.kind === "unknown") throw unknown(name);
      const label = groupLabel(outcome.group.name);
      const viaRole = outcome.kind === "left" ? outcome.stillViaRole : outcome.viaRole;
      const roleNote =
        viaRole && outcome.group.roleId
          ? ` You still count as a member through ${roleMention(outcome.group.roleId)}.`
          : "";
      await respond(
        interaction,
        (outcome.kind === "left" ? `You left ${label}.` : `You were not a member of ${label}.`) + roleNote,
      );
    },
    async list(interaction, _args, ctx) {
      const asker = { userId: interaction.user.id, roleIds: memberRoleIds(interaction) };
      const holders = knownRoleHolders(interaction, ctx.linkedRoles);
      const groups = await listGroups(ctx.db, requireGuild(interaction), asker, holders);
      const lines = groups.map(
        (group) =>
          `• ${groupLabel(group.name)} — ${group.members} member${group.members === 1 ? "" : "s"}` +
          (group.roleId ? ` · role ${roleMention(group.roleId)}` : "") +
          (group.isMember ? " · you're in" : ""),
      );
      await respond(
        interaction,
        lines.length === 0
          ? "No study groups yet: start one with `/group create`."
          : `**Study groups**\n${lines.join("\n")}`.slice(0, 1700) + noteIfLinked(groups),
        "public",
      );
    },
    async standings(interaction, args, ctx) {
      const guildId = requireGuild(interaction);
      const period = args.period ?? "week";
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
              noteIfLinked(standings),
        "public",
      );
    },
    async delete(interaction, { name }, ctx) {
      const guildId = requireGuild(interaction);
      requireManageServer(interaction);
      const group = await deleteGroup(ctx.db, guildId, name);
      if (!group) throw unknown(name);
      await respond(interaction, `Deleted ${groupLabel(group.name)}.`);
    },
    async link(interaction, { name, role }, ctx) {
      const guildId = requireGuild(interaction);
      requireManageServer(interaction);
      const group = await linkGroupRole(ctx.db, guildId, name, role.id);
      if (!group) throw unknown(name);
      ctx.linkedRoles.add(role.id);
      await respond(
        interaction,
        `Everyone with ${roleMention(role.id)} now counts as a member of ${groupLabel(group.name)}.`,
      );
    },
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
});
