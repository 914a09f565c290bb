import {
  type APIEmbed,
  ApplicationCommandOptionType,
  escapeMarkdown,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  userMention,
} from "discord.js";
import { serverTimeZone } from "../../guilds/settings.js";
import { searchGroupNames } from "../../stats/groups.js";
import { type LeaderboardResult, leaderboard, type Standing } from "../../stats/leaderboard.js";
import { defineCommand } from "../command.js";
import { examOption, periodLabel, periodOption, resolveExam, respondWithExams } from "../options.js";
import { requireGuild } from "../permissions.js";
import { respond } from "../reply.js";
import { knownRoleHolders } from "../roles.js";
import { UserError } from "../user-error.js";

const data = {
  name: "leaderboard",
  description: "The top 10 by points, and where you stand",
  options: [
    periodOption,
    {
      type: ApplicationCommandOptionType.String,
      name: "group",
      description: "Rank only a study group's members",
      autocomplete: true,
      max_length: 32,
    },
    { ...examOption, description: "Count only one exam's questions, e.g. AIP-C01" },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const percent = (share: number) => `${Math.round(share * 100)}%`;

function standingLine(entry: Standing, callerId: string): string {
  const you = entry.userId === callerId ? " ← you" : "";
  const streak = entry.streak > 0 ? ` · 🔥 ${entry.streak}` : "";
  return `**${entry.rank}.** ${userMention(entry.userId)} — **${entry.points}** pts · ${percent(entry.accuracy)} of ${entry.answered}${streak}${you}`;
}

export function leaderboardEmbed(
  board: Extract<LeaderboardResult, { kind: "ok" }>,
  callerId: string,
): APIEmbed {
  const scope = [board.group && `group ${escapeMarkdown(board.group)}`, board.exam]
    .filter(Boolean)
    .join(" · ");
  const since = board.window ? ` (since ${board.window.startsOn})` : "";
  const lines = board.top.map((entry) => standingLine(entry, callerId));
  const caller = board.caller;
  const you =
    caller === undefined
      ? "You have no answers in this ranking yet."
      : `You: rank **${caller.rank}** with **${caller.points}** points · ${percent(caller.accuracy)} of ${caller.answered}`;
  return {
    title: `Leaderboard · ${periodLabel(board.period)}${scope ? ` · ${scope}` : ""}`,
    color: 0xf59e0b,
    description: [
      lines.length === 0 ? "Nobody has scored yet: answer the daily question!" : lines.join("\n"),
      "",
      you,
    ].join("\n"),
    footer: { text: `Points: 1 per correct answer · ties share a rank${since}` },
  };
}

export const leaderboardCommand = defineCommand({
  data,
  visibility: "public",
  async run(interaction, args, ctx) {
    const guildId = requireGuild(interaction);
    const period = args.period ?? "week";
    const board = await leaderboard(ctx.db, guildId, period, {
      now: ctx.clock.now(),
      timeZone: await serverTimeZone(ctx.db, guildId),
      group: args.group,
      exam: resolveExam(ctx.tracks, args.exam),
      callerId: interaction.user.id,
      roleHolders: knownRoleHolders(interaction, ctx.linkedRoles),
    });
    if (board.kind === "unknown-group")
      throw new UserError(
        `There is no group called **${escapeMarkdown(board.name)}** here. \`/group list\` shows them.`,
      );
    await respond(interaction, { embeds: [leaderboardEmbed(board, interaction.user.id)] }, "public");
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value).toLowerCase();
    if (focused.name === "exam") return respondWithExams(interaction, ctx.tracks);
    if (!interaction.inGuild()) return interaction.respond([]);
    const names = await searchGroupNames(ctx.db, interaction.guildId, typed);
    await interaction.respond(names.map((name) => ({ name, value: name })));
  },
});
