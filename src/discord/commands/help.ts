import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  EmbedBuilder,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { type Command, defineCommand } from "../command.js";
import { respond } from "../reply.js";

const data = {
  name: "help",
  description: "What this bot does and the commands it understands",
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

type Line = { name: string; text: string; admin: boolean };

/** Subcommands only admins may run, in commands members can use otherwise. */
const adminSubcommands = new Set(["question preview", "question reports", "group delete", "group link"]);

/** Sections by purpose; a command goes in the first whose prefix it starts with. */
const sections = [
  {
    title: "Daily questions and your progress",
    prefixes: ["help", "leaderboard", "stats", "review", "question"],
  },
  { title: "Certifications and renewals", prefixes: ["certs", "renewal"] },
  { title: "Study groups", prefixes: ["group"] },
] as const;

/** One line per command or subcommand, built from the registered definitions so it never goes stale. */
export function describeCommands(commands: readonly Command[]): Line[] {
  return commands.flatMap(({ data }) => {
    const adminCommand =
      data.default_member_permissions !== undefined && data.default_member_permissions !== null;
    const subcommands = (data.options ?? []).filter(
      (option): option is APIApplicationCommandOption & { type: ApplicationCommandOptionType.Subcommand } =>
        option.type === ApplicationCommandOptionType.Subcommand,
    );
    if (subcommands.length === 0)
      return [{ name: data.name, text: `\`/${data.name}\` — ${data.description}`, admin: adminCommand }];
    return subcommands.map((sub) => {
      const name = `${data.name} ${sub.name}`;
      return {
        name,
        text: `\`/${name}\` — ${sub.description}`,
        admin: adminCommand || adminSubcommands.has(name),
      };
    });
  });
}

/** The help text by purpose; the admin section only for those who can run it. */
export function helpSections(lines: readonly Line[], isAdmin: boolean): string[] {
  const out: string[] = [];
  const placed = new Set<string>();
  for (const section of sections) {
    const mine = lines.filter(
      (line) => !line.admin && section.prefixes.some((prefix) => line.name.split(" ")[0] === prefix),
    );
    for (const line of mine) placed.add(line.name);
    if (mine.length > 0) out.push("", `**${section.title}**`, ...mine.map((line) => line.text));
  }
  const other = lines.filter((line) => !line.admin && !placed.has(line.name));
  if (other.length > 0) out.push("", "**More**", ...other.map((line) => line.text));
  const admin = lines.filter((line) => line.admin);
  if (isAdmin && admin.length > 0)
    out.push("", "**Server admin (Manage Server)**", ...admin.map((line) => line.text));
  return out;
}

export const helpCommand = defineCommand({
  data,
  async run(interaction, _args, ctx) {
    const isAdmin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
    const embed = new EmbedBuilder()
      .setTitle("Study-group bot")
      .setDescription(
        [
          "Every day I post one exam-style question in each quiz channel. Answer by reacting 🇦 🇧 🇨 🇩; " +
            "when the question closes I reveal the answer, explain every option and update the leaderboards. " +
            "To study more, privately: `/practice` (your missed and weakest questions first) and `/exam start` " +
            "(a timed mock at the exam's pace).",
          ...helpSections(describeCommands(ctx.commands), isAdmin),
        ]
          .join("\n")
          .slice(0, 4096),
      );
    await respond(interaction, { embeds: [embed] });
  },
});
