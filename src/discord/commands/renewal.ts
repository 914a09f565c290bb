import {
  ApplicationCommandOptionType,
  AttachmentBuilder,
  EmbedBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import {
  describePath,
  describeRenewedBy,
  describeRenews,
  renderRenewalGraphPng,
} from "../../renewal/index.js";
import { defineCommand } from "../command.js";
import { takeMemberLimit } from "../member-limits.js";
import { autocompleteCertification, certOption, requireCertification } from "../options.js";
import { deferAnswer, respond } from "../reply.js";

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
      options: [{ ...certOption("cert", "The exam whose reach to highlight"), required: false }],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const answer = (title: string, text: string) => ({
  embeds: [new EmbedBuilder().setTitle(title).setDescription(text.slice(0, 4096))],
});

export const renewalCommand = defineCommand({
  data,
  visibility: "public",
  subcommands: {
    async renews(interaction, args) {
      const cert = requireCertification(args.cert);
      await respond(
        interaction,
        answer(`What passing ${cert.code} renews`, describeRenews(cert.code)),
        "public",
      );
    },
    async "renewed-by"(interaction, args) {
      const cert = requireCertification(args.cert);
      await respond(interaction, answer(`What renews ${cert.code}`, describeRenewedBy(cert.code)), "public");
    },
    async path(interaction, args) {
      const from = requireCertification(args.from);
      const to = requireCertification(args.to);
      await respond(
        interaction,
        answer(`From ${from.code} to ${to.code}`, describePath(from.code, to.code)),
        "public",
      );
    },
    async graph(interaction, args, ctx) {
      // Checked before deferring, so a mistyped code gets a private answer instead of a public error.
      const cert = args.cert === undefined ? undefined : requireCertification(args.cert);
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
  },
  async autocomplete(interaction) {
    await autocompleteCertification(interaction);
  },
});
