import {
  ApplicationCommandOptionType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { currentMock, type MockSize, mockHistory, mockSizes, startMock } from "../../study/mock-exam.js";
import { secondsPerQuestion } from "../../study/mock-report.js";
import type { Command } from "../command.js";
import { examOption, respondWithExams, studyTrack } from "../exam-option.js";
import { requireGuild } from "../permissions.js";
import { mockHistoryLines, mockMessage } from "../render/mock-exam.js";
import { UserError } from "../user-error.js";

const data = {
  name: "exam",
  description: "Timed mock exams at the real exam's pace (only you see them)",
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "start",
      description: "Start a timed mock: 2.4 minutes a question, drawn to the exam's domain weights",
      options: [
        { ...examOption, description: "Which exam (default: this server's quiz exam)" },
        {
          type: ApplicationCommandOptionType.Integer,
          name: "size",
          description: "How many questions (default 10)",
          choices: mockSizes.map((size) => ({
            name: `${size} questions · ${(size * secondsPerQuestion) / 60} minutes`,
            value: size,
          })),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "resume",
      description: "Show your running mock again",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "history",
      description: "Your mock attempts and projections",
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const examCommand: Command = {
  data,
  async execute(interaction, ctx) {
    const guildId = requireGuild(interaction);
    const clicker = { guildId, userId: interaction.user.id };
    const sub = interaction.options.getSubcommand();
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    if (sub === "history") {
      const lines = mockHistoryLines(await mockHistory(ctx.db, clicker));
      await interaction.editReply({
        content: lines.length === 0 ? "No finished mock exams yet: `/exam start` begins one." : "",
        embeds: lines.length === 0 ? [] : [{ title: "Your mock exams", description: lines.join("\n") }],
      });
      return;
    }
    if (sub === "resume") {
      const view = await currentMock(ctx, clicker);
      if (!view) throw new UserError("You have no mock exam running. `/exam start` begins one.");
      await interaction.editReply(mockMessage(view, ctx.tracks));
      return;
    }
    const track = await studyTrack(ctx, guildId, interaction.options.getString("exam"));
    const size = (interaction.options.getInteger("size") ?? mockSizes[0]) as MockSize;
    const started = await startMock(ctx, clicker, track, size);
    if (started.kind === "too-few")
      throw new UserError(
        `${track.exam} has only ${started.available} questions to draw from; pick a smaller mock.`,
      );
    const note =
      started.kind === "already-active" ? "You already have a mock running (one at a time): here it is." : "";
    await interaction.editReply({ ...mockMessage(started.view, ctx.tracks), content: note });
  },
  async autocomplete(interaction, ctx) {
    await respondWithExams(interaction, ctx.tracks);
  },
};
