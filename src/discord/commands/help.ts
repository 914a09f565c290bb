import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  EmbedBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Command } from "../command.js";
import { respond } from "../reply.js";

const data = {
  name: "help",
  description: "What this bot does and the commands it understands",
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** One line per command or subcommand, built from the registered definitions so it never goes stale. */
export function describeCommands(commands: readonly Command[]): string[] {
  return commands.flatMap(({ data }) => {
    const subcommands = (data.options ?? []).filter(
      (option): option is APIApplicationCommandOption & { type: ApplicationCommandOptionType.Subcommand } =>
        option.type === ApplicationCommandOptionType.Subcommand,
    );
    if (subcommands.length === 0) return [`\`/${data.name}\` — ${data.description}`];
    return subcommands.map((sub) => `\`/${data.name} ${sub.name}\` — ${sub.description}`);
  });
}

export const helpCommand: Command = {
  data,
  async execute(interaction, ctx) {
    const embed = new EmbedBuilder()
      .setTitle("Study-group bot")
      .setDescription(
        [
          "Every day I post one exam-style question in each quiz channel. Answer by reacting 🇦 🇧 🇨 🇩; " +
            "when the question closes I reveal the answer, explain every option and update the leaderboards. " +
            "To study more, privately: `/practice` (your missed and weakest questions first) and `/exam start` " +
            "(a timed mock at the exam's pace).",
          "",
          ...describeCommands(ctx.commands),
        ].join("\n"),
      );
    await respond(interaction, { embeds: [embed] });
  },
};
