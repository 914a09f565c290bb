import type { ChatInputCommandInteraction } from "discord.js";
import {
  ApplicationCommandOptionType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { currentMock, mockHistory, mockSizes, startMock } from "../../study/mock-exam.js";
import { secondsPerQuestion } from "../../study/mock-report.js";
import { defineCommand } from "../command.js";
import { examOption, respondWithExams, studyTrack } from "../options.js";
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

/** Every /exam answer is private and may take a moment: the member and server, once deferred. */
async function deferPrivately(interaction: ChatInputCommandInteraction) {
  const guildId = requireGuild(interaction);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  return { guildId, userId: interaction.user.id };
}

export const examCommand = defineCommand({
  data,
  subcommands: {
    async start(interaction, args, ctx) {
      const clicker = await deferPrivately(interaction);
      const track = await studyTrack(ctx, clicker.guildId, args.exam);
      const started = await startMock(ctx, clicker, track, args.size ?? mockSizes[0]);
      if (started.kind === "too-few")
        throw new UserError(
          `${track.exam} has only ${started.available} questions to draw from; pick a smaller mock.`,
        );
      const note =
        started.kind === "already-active"
          ? "You already have a mock running (one at a time): here it is."
          : "";
      await interaction.editReply({ ...mockMessage(started.view, ctx.tracks), content: note });
    },
    async resume(interaction, _args, ctx) {
      const view = await currentMock(ctx, await deferPrivately(interaction));
      if (!view) throw new UserError("You have no mock exam running. `/exam start` begins one.");
      await interaction.editReply(mockMessage(view, ctx.tracks));
    },
    async history(interaction, _args, ctx) {
      const lines = mockHistoryLines(await mockHistory(ctx.db, await deferPrivately(interaction)));
      await interaction.editReply({
        content: lines.length === 0 ? "No finished mock exams yet: `/exam start` begins one." : "",
        embeds: lines.length === 0 ? [] : [{ title: "Your mock exams", description: lines.join("\n") }],
      });
    },
  },
  async autocomplete(interaction, ctx) {
    await respondWithExams(interaction, ctx.tracks);
  },
});
