import {
  ApplicationCommandOptionType,
  AttachmentBuilder,
  type AutocompleteInteraction,
  EmbedBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { certificationChoiceLabel, describeProblem, searchCertifications } from "../../certs/index.js";
import {
  type Certification,
  describePath,
  describeRenewedBy,
  describeRenews,
  renderRenewalGraphPng,
  resolveCertification,
} from "../../renewal/index.js";
import type { Command } from "../command.js";
import { takeMemberLimit } from "../member-limits.js";
import { deferAnswer, respond } from "../reply.js";
import { UserError } from "../user-error.js";

/** A certification option with autocomplete; certs.ts uses it too. */
export const certOption = (name: string, description: string, required = true) =>
  ({
    type: ApplicationCommandOptionType.String,
    name,
    description,
    required,
    autocomplete: true,
    max_length: 40,
  }) as const;

const data = {
  name: "renewal",
  description: "Which certification exams renew which",
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "renews",
      description: "What passing an exam also renews",
      options: [certOption("cert", "The exam you would pass, e.g. AIP")],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "renewed-by",
      description: "Every exam whose pass renews a certification",
      options: [certOption("cert", "The certification to renew, e.g. CLF")],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "path",
      description: "How passing one exam renews another certification",
      options: [
        certOption("from", "The exam you would pass"),
        certOption("to", "The certification to renew"),
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "graph",
      description: "A picture of the renewal graph, optionally highlighting what one exam renews",
      options: [certOption("cert", "The exam whose reach to highlight", false)],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The certification a member named, or a UserError saying it is unknown and what they may have meant. */
export function requireCertification(input: string): Certification {
  const found = resolveCertification(input);
  if (found.kind === "unknown") throw new UserError(describeProblem(found));
  return found.cert;
}

/** Autocomplete for any certification option: code, exam code or name, ignoring case, 25 at most. */
export async function autocompleteCertification(interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused();
  await interaction.respond(
    searchCertifications(focused).map((cert) => ({ name: certificationChoiceLabel(cert), value: cert.code })),
  );
}

const answer = (title: string, text: string) => ({
  embeds: [new EmbedBuilder().setTitle(title).setDescription(text.slice(0, 4096))],
});

export const renewalCommand: Command = {
  data,
  visibility: "public",
  async execute(interaction, ctx) {
    const subcommand = interaction.options.getSubcommand();
    if (subcommand === "renews") {
      const cert = requireCertification(interaction.options.getString("cert", true));
      await respond(
        interaction,
        answer(`What passing ${cert.code} renews`, describeRenews(cert.code)),
        "public",
      );
      return;
    }
    if (subcommand === "renewed-by") {
      const cert = requireCertification(interaction.options.getString("cert", true));
      await respond(interaction, answer(`What renews ${cert.code}`, describeRenewedBy(cert.code)), "public");
      return;
    }
    if (subcommand === "path") {
      const from = requireCertification(interaction.options.getString("from", true));
      const to = requireCertification(interaction.options.getString("to", true));
      await respond(
        interaction,
        answer(`From ${from.code} to ${to.code}`, describePath(from.code, to.code)),
        "public",
      );
      return;
    }
    const input = interaction.options.getString("cert");
    // Checked before deferring, so a mistyped code gets a private answer instead of a public error.
    const cert = input === null ? undefined : requireCertification(input);
    if (cert?.provider === "gcp") {
      // The graph is AWS's cascade; drawing it for a Google Cloud certification would highlight nothing.
      const window = cert.renewalWindowDays
        ? `, within ${cert.renewalWindowDays} days before it expires`
        : "";
      await respond(
        interaction,
        `Google Cloud has no renewal cascade: **${cert.code}** (${cert.name}) is renewed only by passing its own renewal exam, every ${cert.validityMonths} months${window}. The graph shows AWS certifications.`,
      );
      return;
    }
    await takeMemberLimit("image", interaction.guildId, interaction.user.id, ctx.clock.now());
    await deferAnswer(interaction, "public");
    const png = await renderRenewalGraphPng(cert ? { highlight: cert.code } : {});
    const name = cert ? `renewal-graph-${cert.code.toLowerCase()}.png` : "renewal-graph.png";
    await respond(
      interaction,
      {
        content: cert
          ? `The renewal graph: what passing **${cert.code}** renews is highlighted. Solid arrows are official, dashed ones observed.`
          : "The renewal graph: an arrow A → B means passing A also renews B. Solid arrows are official, dashed ones observed.",
        files: [new AttachmentBuilder(png, { name, description: "Certification renewal graph" })],
      },
      "public",
    );
  },
  async autocomplete(interaction) {
    await autocompleteCertification(interaction);
  },
};
