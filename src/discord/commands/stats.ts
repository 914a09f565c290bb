import {
  type APIEmbed,
  type APIEmbedField,
  ApplicationCommandOptionType,
  AttachmentBuilder,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  userMention,
} from "discord.js";
import { openAnswerCount } from "../../quiz/answers.js";
import { type MemberStats, memberStatsFor } from "../../stats/member-stats.js";
import { confidentAfter, type Readiness } from "../../stats/readiness.js";
import { defineCommand } from "../command.js";
import { takeMemberLimit } from "../member-limits.js";
import { requireGuild } from "../permissions.js";
import { renderStatsChartPng } from "../render/stats-chart.js";

const data = {
  name: "stats",
  description: "Points, streaks, accuracy per exam domain and a readiness estimate",
  options: [
    {
      type: ApplicationCommandOptionType.User,
      name: "member",
      description: "Whose stats (default: yours)",
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: "share",
      description: "Post them in the channel for everyone (default: only you see them)",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const percent = (share: number) => `${Math.round(share * 100)}%`;
const chartName = "domains.png";

function readinessField(exam: Readiness): APIEmbedField {
  const domains = exam.domains.map(
    (domain) =>
      `${domain.number}. ${domain.name} (weight ${domain.weight}%): ` +
      (domain.accuracy === undefined ? "—" : `**${percent(domain.accuracy)}** of ${domain.answered}`),
  );
  const verdict = exam.score >= exam.passingScore ? "at or above" : "below";
  // A projection from a handful of answers spans most of the scale: it is shown once it means something.
  const projection = exam.lowConfidence
    ? `A projected score appears after ${confidentAfter} answers on ${exam.exam} (${exam.answered} so far).`
    : `Projected **${exam.score}** ± ${exam.margin} on ${exam.scoreRange[0]}–${exam.scoreRange[1]}, ${verdict} the pass mark of ${exam.passingScore}.`;
  return {
    name: `${exam.exam} readiness`,
    value: [
      projection,
      ...domains,
      exam.weakest ? `Weakest domain: **${exam.weakest.number}. ${exam.weakest.name}**` : "",
    ]
      .filter(Boolean)
      .join("\n")
      .slice(0, 1024),
  };
}

/** Practice and mock figures, beside (never inside) the daily points. */
function studyFields({ study }: MemberStats): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  if (study.practice.answered > 0)
    fields.push({
      name: "Practice",
      value: `${study.practice.answered} answered · ${percent(study.practice.correct / study.practice.answered)} right · ${study.practice.sessions} session${study.practice.sessions === 1 ? "" : "s"}`,
      inline: true,
    });
  if (study.mocks.taken > 0)
    fields.push({
      name: "Mock exams",
      value: [
        `${study.mocks.taken} taken`,
        study.mocks.last && `last **${study.mocks.last.score}** ± ${study.mocks.last.margin}`,
        study.mocks.best !== undefined && `best ${study.mocks.best}`,
      ]
        .filter(Boolean)
        .join(" · "),
      inline: true,
    });
  return fields;
}

export function statsEmbed(stats: MemberStats, displayName: string): APIEmbed {
  return {
    title: `Stats · ${displayName}`.slice(0, 256),
    color: 0x3b82f6,
    fields: [
      { name: "Points", value: String(stats.points), inline: true },
      { name: "Accuracy", value: `${percent(stats.accuracy)} of ${stats.answered}`, inline: true },
      { name: "Streak", value: `${stats.currentStreak} (best ${stats.bestStreak})`, inline: true },
      ...stats.exams.slice(0, 3).map(readinessField),
      ...studyFields(stats),
    ],
    ...(stats.exams.length > 0 ? { image: { url: `attachment://${chartName}` } } : {}),
    footer: {
      text: "Readiness is an estimate from your daily, practice and mock answers (a mock answer counts 2×, practice ½), not an official score (AWS does not publish its scaling)",
    },
  };
}

export const statsCommand = defineCommand({
  data,
  async run(interaction, args, ctx) {
    const guildId = requireGuild(interaction);
    const user = args.member ?? interaction.user;
    await takeMemberLimit("image", guildId, interaction.user.id, ctx.clock.now());
    const share = args.share ?? false;
    await interaction.deferReply(share ? {} : { flags: MessageFlags.Ephemeral });
    const stats = await memberStatsFor(ctx.db, guildId, user.id, ctx.tracks);
    if (!stats) {
      const waiting = await openAnswerCount(ctx.db, guildId, user.id);
      const who = user.id === interaction.user.id ? "Your" : `${userMention(user.id)}'s`;
      await interaction.editReply(
        waiting > 0
          ? `${who} answer to the open question is recorded; it is scored, and shows here, when the question closes.`
          : `${userMention(user.id)} has not answered a question in this server yet.`,
      );
      return;
    }
    const exams = stats.exams.slice(0, 3);
    const files =
      exams.length > 0 ? [new AttachmentBuilder(renderStatsChartPng(exams), { name: chartName })] : [];
    await interaction.editReply({ embeds: [statsEmbed(stats, user.displayName)], files });
  },
});
