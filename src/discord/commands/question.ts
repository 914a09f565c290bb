import {
  ApplicationCommandOptionType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  TimestampStyles,
  time,
} from "discord.js";
import { findQuestion, searchQuestionIds } from "../../questions/find-question.js";
import { fileReport, listOpenReports, reportReasonLimit } from "../../questions/reports.js";
import { latestPostedQuestion } from "../../quiz/latest-posting.js";
import type { Command } from "../command.js";
import { requireGuild, requireManageServer } from "../permissions.js";
import { questionEmbed, revealEmbed } from "../render/question.js";
import { UserError } from "../user-error.js";

const idOption = (required: boolean, description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "id",
    description,
    required,
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
      options: [idOption(true, "Question id, e.g. aip-1-4-pgvector-existing-aurora")],
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
        idOption(false, "Question id (default: the last question posted in this channel)"),
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reports",
      description: "List open question reports (admins)",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const questionCommand: Command = {
  data,
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const subcommand = interaction.options.getSubcommand();
    if (subcommand === "preview") {
      requireManageServer(interaction);
      const id = interaction.options.getString("id", true);
      const stored = await findQuestion(ctx.db, id);
      const track = stored && ctx.tracks.get(stored.question.exam);
      if (!stored || !track) throw new UserError(`There is no question with id \`${id}\`.`);
      const closesAt = new Date(ctx.clock.now().getTime() + 24 * 3_600_000);
      const reveal = { spread: {}, answered: 0, correct: 0, milestones: [] };
      await interaction.reply({
        content: stored.active
          ? `Preview (revision ${stored.revision}):`
          : "Preview of an **inactive** question:",
        embeds: [
          questionEmbed(stored.question, track, { sequence: 0, closesAt }),
          revealEmbed(stored.question, track, 0, reveal),
        ],
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    if (subcommand === "report") {
      const reason = interaction.options.getString("reason", true).trim();
      if (reason.length < 5)
        throw new UserError("Please say in a few words what is wrong, so it can be fixed.");
      const id =
        interaction.options.getString("id") ?? (await latestPostedQuestion(ctx.db, interaction.channelId));
      if (!id)
        throw new UserError(
          "No question has been posted in this channel yet: give the question id (it is in the question's footer).",
        );
      if (!(await findQuestion(ctx.db, id))) throw new UserError(`There is no question with id \`${id}\`.`);
      await fileReport(ctx.db, { guildId, questionId: id, userId: interaction.user.id, reason });
      await interaction.reply({
        content: `Thanks: your report on \`${id}\` is recorded for the question authors.`,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    requireManageServer(interaction);
    const reports = await listOpenReports(ctx.db, guildId);
    const lines = reports.map(
      (report) =>
        `• \`${report.questionId}\` by <@${report.userId}> ${time(report.createdAt, TimestampStyles.RelativeTime)}: ${report.reason}`,
    );
    await interaction.reply({
      content:
        lines.length === 0
          ? "No open question reports."
          : `**Open question reports**\n${lines.join("\n")}`.slice(0, 2000),
      flags: MessageFlags.Ephemeral,
    });
  },
  async autocomplete(interaction, ctx) {
    const ids = await searchQuestionIds(ctx.db, String(interaction.options.getFocused()));
    await interaction.respond(ids.map((id) => ({ name: id, value: id })));
  },
};
