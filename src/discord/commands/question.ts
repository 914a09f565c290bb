import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  TimestampStyles,
  time,
  userMention,
} from "discord.js";
import { findByName, findQuestion, publicName, searchQuestions } from "../../questions/find-question.js";
import { fileReport, openReportsByQuestion, reportReasonLimit } from "../../questions/reports.js";
import { latestPostedQuestion } from "../../quiz/postings.js";
import { type CommandContext, defineCommand } from "../command.js";
import { takeMemberLimit } from "../member-limits.js";
import { requireGuild, requireManageServer } from "../permissions.js";
import { questionEmbed, revealEmbed } from "../render/question.js";
import { respond } from "../reply.js";
import { UserError } from "../user-error.js";

const questionOption = (description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "question",
    description,
    required: true,
    autocomplete: true,
    max_length: 80,
  }) as const;

const data = {
  name: "question",
  description: "Preview and report questions",
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "preview",
      description: "Show a question and its reveal exactly as they will be posted (only you see it; admins)",
      options: [questionOption("Question number (AIP-C01 #042) or file id")],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "report",
      description: "Report a wrong answer key, an unclear question or a broken link",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "What is wrong",
          required: true,
          max_length: reportReasonLimit,
        },
        {
          ...questionOption("Question number, e.g. AIP-C01 #042 (default: this channel's last question)"),
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reports",
      description: "List open question reports (admins)",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

async function lastQuestionHere(ctx: CommandContext, channelId: string) {
  const id = await latestPostedQuestion(ctx.db, channelId);
  const stored = id ? await findQuestion(ctx.db, id) : undefined;
  return id && stored ? { ...stored, id } : undefined;
}

export const questionCommand = defineCommand({
  data,
  subcommands: {
    async preview(interaction, { question: name }, ctx) {
      requireGuild(interaction);
      requireManageServer(interaction);
      const stored = await findByName(ctx.db, name, { allowIds: true });
      const track = stored && ctx.tracks.get(stored.question.exam);
      if (!stored || !track) throw new UserError(`There is no question \`${name}\`.`);
      const closesAt = new Date(ctx.clock.now().getTime() + 24 * 3_600_000);
      const reveal = { spread: {}, answered: 0, correct: 0, milestones: [] };
      const shown = { number: stored.number, sequence: 1 };
      await respond(interaction, {
        content: `${stored.active ? "Preview" : "Preview of an **inactive** question"}: \`${stored.id}\`, revision ${stored.revision}.`,
        embeds: [
          questionEmbed(stored.question, track, { ...shown, closesAt }),
          revealEmbed(stored.question, track, shown, reveal),
        ],
      });
    },
    async report(interaction, { reason: typed, question: name }, ctx) {
      const guildId = requireGuild(interaction);
      const reason = typed.trim();
      if (reason.length < 5)
        throw new UserError("Please say in a few words what is wrong, so it can be fixed.");
      const stored = name
        ? await findByName(ctx.db, name)
        : await lastQuestionHere(ctx, interaction.channelId);
      if (!stored)
        throw new UserError(
          name
            ? `There is no question \`${name}\`: use its number, e.g. \`AIP-C01 #042\` (it is in the question's title).`
            : "No question has been posted in this channel yet: give the question's number (it is in the question's title).",
        );
      await takeMemberLimit("report", guildId, interaction.user.id, ctx.clock.now());
      await fileReport(ctx.db, { guildId, questionId: stored.id, userId: interaction.user.id, reason });
      await respond(interaction, {
        content: `Thanks: your report on **${publicName(stored.question.exam, stored.number)}** is recorded for the question authors.`,
      });
    },
    async reports(interaction, _args, ctx) {
      const guildId = requireGuild(interaction);
      requireManageServer(interaction);
      const reports = await openReportsByQuestion(ctx.db, guildId);
      const lines = reports.map(({ exam, number, questionId, count, latestAt, reasons }) => {
        const heading = `**${publicName(exam, number)}** (\`${questionId}\`): ${count} ${count === 1 ? "report" : "reports"}, latest ${time(latestAt, TimestampStyles.RelativeTime)}`;
        return [
          heading,
          ...reasons.map(({ userId, reason }) => `  • ${userMention(userId)}: ${reason.slice(0, 200)}`),
        ].join("\n");
      });
      await respond(interaction, {
        content:
          lines.length === 0
            ? "No open question reports."
            : `**Open question reports**, most reported first\n${lines.join("\n")}`.slice(0, 2000),
      });
    },
  },
  async autocomplete(interaction, ctx) {
    // Members see only questions already revealed in this server; admins (authors) search the whole bank.
    const isAdmin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
    const found = await searchQuestions(ctx.db, String(interaction.options.getFocused()), {
      ...(isAdmin ? {} : { revealedIn: interaction.guildId ?? "" }),
    });
    await interaction.respond(
      found.map(({ exam, number, stem }) => {
        const name = publicName(exam, number);
        return { name: `${name} — ${stem}`.slice(0, 100), value: name };
      }),
    );
  },
});
