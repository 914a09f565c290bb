import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  channelMention,
  EmbedBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import {
  addCertification,
  certificationChoiceLabel,
  defaultPlanMonths,
  describeProblem,
  type InputProblem,
  isInputProblem,
  type ListedCert,
  listCertifications,
  loadHeld,
  maxChoices,
  maxPlanMonths,
  planForMember,
  recordPass,
  remindersOn,
  removeCertification,
  searchCertifications,
  setReminders,
  setSharing,
  sharesIn,
  todayOf,
} from "../../certs/index.js";
import { describePass, describePlan } from "../../renewal/index.js";
import { defineCommand } from "../command.js";
import { autocompleteCertification, certOption } from "../options.js";
import { respond } from "../reply.js";
import { UserError } from "../user-error.js";

const dateOption = <const N extends string>(name: N, description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name,
    description,
    required: true,
    max_length: 30,
  }) as const satisfies APIApplicationCommandBasicOption;

const onOff = (description: string) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: "state",
    description,
    required: true,
    choices: [
      { name: "on", value: "on" },
      { name: "off", value: "off" },
    ],
  }) as const satisfies APIApplicationCommandBasicOption;

const shareHint = "Others in this server see your list only if you share it: `/certs share state:on`.";

const data = {
  name: "certs",
  description: "Your certifications, their expiry dates, renewals and reminders",
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "add",
      description: "Record a certification you hold",
      options: [
        certOption("cert", "The certification, e.g. AIP"),
        dateOption("earned", "When you earned it, YYYY-MM-DD"),
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "remove",
      description: "Forget one of your certifications",
      options: [certOption("cert", "The certification to remove")],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "list",
      description: "Certifications with expiry dates and days left",
      options: [
        {
          type: ApplicationCommandOptionType.User,
          name: "member",
          description: "Whose (default: yours)",
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "passed",
      description: "Record an exam pass: it renews that certification and the ones it renews",
      options: [
        certOption("cert", "The exam you passed, e.g. AIP"),
        dateOption("date", "The day you passed, YYYY-MM-DD"),
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "plan",
      description: "The fewest exams that keep everything you hold from lapsing",
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "months",
          description: `How far ahead to plan (default ${defaultPlanMonths})`,
          required: false,
          min_value: 1,
          max_value: maxPlanMonths,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reminders",
      description: "Expiry reminders 90, 30 and 7 days before, by DM (off until you turn them on)",
      options: [onOff("Turn reminders on or off")],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "share",
      description: "Let members of this server see your certifications with /certs list (off by default)",
      options: [onOff("Share your certifications in this server, or stop")],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** An expected problem becomes a private message to the member; nothing was written. */
function orFail<T extends { kind: string }>(outcome: T | InputProblem): T {
  if (isInputProblem(outcome)) throw new UserError(describeProblem(outcome));
  return outcome;
}

const statusLabel = { active: "✅ active", expiring: "⚠️ expiring soon", lapsed: "❌ lapsed" } as const;

function listLine(cert: ListedCert): string {
  const left =
    cert.daysLeft >= 0
      ? `${cert.daysLeft} ${cert.daysLeft === 1 ? "day" : "days"} left`
      : `expired ${-cert.daysLeft} days ago`;
  return `**${cert.code}** ${cert.name}\nexpires ${cert.expiresOn} · ${left} · ${statusLabel[cert.status]}`;
}

const privately = (content: string, embed?: EmbedBuilder) => ({ content, embeds: embed ? [embed] : [] });

export const certsCommand = defineCommand({
  data,
  subcommands: {
    async add(interaction, { cert, earned }, ctx) {
      const today = todayOf(ctx.clock.now());
      const added = orFail(
        await addCertification(ctx.db, {
          userId: interaction.user.id,
          guildId: interaction.guildId,
          code: cert,
          earned,
          today,
        }),
      );
      const verb = added.kind === "added" ? "Recorded" : "Updated";
      const lapsed =
        added.expiresOn < today ? " It has already lapsed: pass the exam again to re-earn it." : "";
      // Asked once, with the first certification: reminders are off until the member turns them on.
      const first = added.kind === "added" && (await loadHeld(ctx.db, interaction.user.id)).length === 1;
      const ask =
        first && !(await remindersOn(ctx.db, interaction.user.id))
          ? "\nWant a DM 90, 30 and 7 days before it expires? Turn reminders on with `/certs reminders state:on`."
          : "";
      await respond(
        interaction,
        `${verb} **${added.cert.code}** (${added.cert.name}), earned ${added.earnedOn}: valid until **${added.expiresOn}**.${lapsed}${ask}`,
      );
    },
    async remove(interaction, { cert: code }, ctx) {
      const removed = orFail(await removeCertification(ctx.db, { userId: interaction.user.id, code }));
      await respond(
        interaction,
        privately(`Removed **${removed.cert.code}** (${removed.cert.name}) from your certifications.`),
      );
    },
    async list(interaction, { member }, ctx) {
      const today = todayOf(ctx.clock.now());
      const user = member ?? interaction.user;
      const own = user.id === interaction.user.id;
      if (!own && !(interaction.guildId && (await sharesIn(ctx.db, user.id, interaction.guildId)))) {
        await respond(
          interaction,
          `${user.username} keeps their certifications private in this server. They can share them with \`/certs share state:on\`.`,
        );
        return;
      }
      const certs = await listCertifications(ctx.db, user.id, today);
      if (certs.length === 0) {
        await respond(
          interaction,
          own
            ? "You have no certifications recorded yet. Add one: `/certs add cert:AIP earned:2026-04-14`."
            : `${user.username} has no certifications recorded.`,
        );
        return;
      }
      const shared =
        own && interaction.guildId ? await sharesIn(ctx.db, user.id, interaction.guildId) : false;
      const visibility = !own ? "" : shared ? " Members of this server can see this list." : ` ${shareHint}`;
      const embed = new EmbedBuilder()
        .setTitle(own ? "Your certifications" : `Certifications of ${user.username}`)
        .setDescription(certs.map(listLine).join("\n\n").slice(0, 4096))
        .setFooter({ text: `As of ${today}. /certs plan shows which exams renew them.${visibility}` });
      await respond(interaction, privately("", embed));
    },
    async passed(interaction, { cert, date }, ctx) {
      const pass = orFail(
        await recordPass(ctx.db, {
          userId: interaction.user.id,
          guildId: interaction.guildId,
          code: cert,
          date,
          today: todayOf(ctx.clock.now()),
        }),
      );
      const embed = new EmbedBuilder()
        .setTitle(`Pass recorded: ${pass.passed.code}`)
        .setDescription(describePass(pass));
      await respond(interaction, privately("", embed));
    },
    async plan(interaction, args, ctx) {
      const months = args.months ?? defaultPlanMonths;
      const { plan, heldCount } = await planForMember(ctx.db, {
        userId: interaction.user.id,
        today: todayOf(ctx.clock.now()),
        months,
      });
      if (heldCount === 0) {
        await respond(
          interaction,
          privately("You have no certifications recorded yet: add them with `/certs add`, then ask again."),
        );
        return;
      }
      const embed = new EmbedBuilder()
        .setTitle(`Your renewal plan for the next ${months} months`)
        .setDescription(describePlan(plan).slice(0, 4096));
      await respond(interaction, privately("", embed));
    },
    async reminders(interaction, { state }, ctx) {
      const setting = await setReminders(ctx.db, {
        userId: interaction.user.id,
        guildId: interaction.guildId,
        enabled: state === "on",
      });
      if (!setting.enabled) {
        await respond(
          interaction,
          privately("Reminders are **off**. Turn them back on with `/certs reminders state:on`."),
        );
        return;
      }
      const fallback = setting.fallbackChannelId
        ? ` If your DMs are closed, I'll mention you in ${channelMention(setting.fallbackChannelId)} instead.`
        : " This server has no reminder channel, so keep DMs from server members open to get them.";
      await respond(
        interaction,
        privately(
          `Reminders are **on**: I'll DM you 90, 30 and 7 days before a certification expires.${fallback}`,
        ),
      );
    },
    async share(interaction, { state }, ctx) {
      if (!interaction.guildId) throw new UserError("Sharing is per server: run this in a server.");
      const shared = state === "on";
      await setSharing(ctx.db, { userId: interaction.user.id, guildId: interaction.guildId, shared });
      await respond(
        interaction,
        shared
          ? "Members of this server can now see your certifications with `/certs list member:`. Other servers still cannot. Stop with `/certs share state:off`."
          : `Your certifications are private in this server again. ${shareHint}`,
      );
    },
  },
  async autocomplete(interaction, ctx) {
    if (interaction.options.getSubcommand() !== "remove") {
      await autocompleteCertification(interaction);
      return;
    }
    // Removing: only what the member holds is worth offering.
    const held = new Set((await loadHeld(ctx.db, interaction.user.id)).map((h) => h.code));
    const matches = searchCertifications(interaction.options.getFocused(), 1_000).filter((cert) =>
      held.has(cert.code),
    );
    await interaction.respond(
      matches
        .slice(0, maxChoices)
        .map((cert) => ({ name: certificationChoiceLabel(cert), value: cert.code })),
    );
  },
});
