import {
  ApplicationCommandOptionType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { practiceSizes, resumePractice, startPractice } from "../../study/practice.js";
import { defineCommand } from "../command.js";
import { examOption, respondWithExams, studyTrack } from "../options.js";
import { requireGuild } from "../permissions.js";
import { practiceMessage } from "../render/practice.js";
import { UserError } from "../user-error.js";

const data = {
  name: "practice",
  description: "Private practice: missed and due questions first, then your weakest domain (only you see it)",
  options: [
    { ...examOption, description: "Which exam (default: this server's quiz exam)" },
    {
      type: ApplicationCommandOptionType.Integer,
      name: "domain",
      description: "Only one exam domain, by number (e.g. 3)",
      min_value: 1,
      max_value: 20,
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: "count",
      description: `How many questions (1–${practiceSizes.max}, default ${practiceSizes.default})`,
      min_value: 1,
      max_value: practiceSizes.max,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const practiceCommand = defineCommand({
  data,
  async run(interaction, { exam: typed, domain, count }, ctx) {
    const guildId = requireGuild(interaction);
    const clicker = { guildId, userId: interaction.user.id };
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    // Without options, /practice picks up where the member left off (an old message cannot be fetched again).
    const resumed =
      typed === undefined && domain === undefined && count === undefined
        ? await resumePractice(ctx.db, clicker)
        : undefined;
    const track = await studyTrack(ctx, guildId, resumed?.session.exam ?? typed);
    if (domain !== undefined && !track.domains.some((candidate) => candidate.number === domain)) {
      const known = track.domains.map((candidate) => candidate.number).join(", ");
      throw new UserError(`${track.exam} has no domain ${domain}. Its domains are ${known}.`);
    }
    const view =
      resumed ??
      (await startPractice(ctx, {
        ...clicker,
        track,
        domain: domain ?? null,
        size: count ?? practiceSizes.default,
      }));
    if (!view)
      throw new UserError(
        `There are no ${track.exam} questions to practise${domain ? ` in domain ${domain}` : ""} yet.`,
      );
    await interaction.editReply(practiceMessage(view, track));
  },
  async autocomplete(interaction, ctx) {
    await respondWithExams(interaction, ctx.tracks);
  },
});
