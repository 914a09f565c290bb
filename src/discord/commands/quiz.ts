import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  ChannelType,
  type ChatInputCommandInteraction,
  channelMention,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  TimestampStyles,
  time,
} from "discord.js";
import {
  configureQuizChannel,
  findQuizChannel,
  type QuizChannel,
  removeQuizChannel,
  setPaused,
} from "../../quiz/channels.js";
import { closeNow, type PostNowOutcome, postNow } from "../../quiz/lifecycle.js";
import { formatWeekdays, isValidZone, parsePostTime, parseWeekdays } from "../../quiz/schedule.js";
import { nextPostAt, quizStatus } from "../../quiz/status.js";
import { matchingChoices, timeZones } from "../choices.js";
import { type CommandContext, defineCommand, type SubcommandArgs } from "../command.js";
import { adminReason } from "../discord-errors.js";
import { subcommand } from "../options.js";
import { botMissingIn, manageServer } from "../permissions.js";
import { respond } from "../reply.js";
import { UserError } from "../user-error.js";

const channelOption = {
  type: ApplicationCommandOptionType.Channel,
  name: "channel",
  description: "The quiz channel (default: this channel)",
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
  required: false,
} as const satisfies APIApplicationCommandBasicOption;

const newChannelOption = {
  ...channelOption,
  description: "The channel for the daily question",
  required: true,
} as const satisfies APIApplicationCommandBasicOption;

/** The subcommands that act on one quiz channel: the one named, or this channel. */
const onChannel = <const N extends string>(name: N, description: string) =>
  subcommand(name, description, [channelOption]);

const data = {
  name: "quiz",
  description: "Set up and run the daily question (Manage Server)",
  default_member_permissions: manageServer,
  contexts: [InteractionContextType.Guild],
  options: [
    subcommand("setup", "Create or change a daily-question channel", [
      newChannelOption,
      {
        type: ApplicationCommandOptionType.String,
        name: "time",
        description: "Local time to post, HH:MM (24-hour), e.g. 07:30 (needed for a new channel)",
        max_length: 5,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "timezone",
        description: "IANA time zone, e.g. Asia/Tokyo (needed for a new channel)",
        autocomplete: true,
        max_length: 64,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "exam",
        description: "Exam track (default AIP-C01)",
        autocomplete: true,
        max_length: 20,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "weekdays",
        description: "daily, weekdays, mon-fri, mon,wed,fri … (default daily)",
        max_length: 60,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        name: "window_hours",
        description: "Hours the question stays open (default 24)",
        min_value: 1,
        max_value: 72,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: "answer_policy",
        description: "last: members may change their answer (default); first: the first answer counts",
        choices: [
          { name: "last answer counts", value: "last" },
          { name: "first answer counts", value: "first" },
        ],
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        name: "hidden_answers",
        description: "Remove reactions after recording them, so nobody copies (needs Manage Messages)",
      },
    ]),
    subcommand("status", "Show every quiz channel: next post, open question, last error", []),
    onChannel("pause", "Stop posting in a quiz channel until resumed"),
    onChannel("resume", "Resume posting in a paused quiz channel"),
    onChannel(
      "remove",
      "Stop using a channel for the daily question (its history stays in the leaderboards)",
    ),
    onChannel("post-now", "Post today's question now, if today's has not been posted"),
    onChannel("close-now", "Close the open question now and reveal the answer"),
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const needed = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
  [PermissionFlagsBits.AddReactions, "Add Reactions"],
  [PermissionFlagsBits.ReadMessageHistory, "Read Message History"],
] as const;

type Args<N extends string> = SubcommandArgs<typeof data, N>;

/** The quiz channel a subcommand acts on: the one named, else this channel; a UserError if it is none. */
async function quizChannel(
  interaction: ChatInputCommandInteraction,
  args: Args<"pause">,
  ctx: CommandContext,
) {
  const channelId = args.channel?.id ?? interaction.channelId;
  const channel = await findQuizChannel(ctx.db, interaction.guildId ?? "", channelId);
  if (!channel)
    throw new UserError(
      `${channelMention(channelId)} is not a quiz channel. Set it up with \`/quiz setup\`.`,
    );
  return { channel, channelId };
}

export const quizCommand = defineCommand({
  data,
  subcommands: {
    setup,
    status,
    async pause(interaction, args, ctx) {
      const { channel, channelId } = await quizChannel(interaction, args, ctx);
      await setPaused(ctx.db, channel.id, true, ctx.clock.now());
      await respond(
        interaction,
        `Paused the daily question in ${channelMention(channelId)}. \`/quiz resume\` starts it again.`,
      );
    },
    async resume(interaction, args, ctx) {
      const { channel, channelId } = await quizChannel(interaction, args, ctx);
      await setPaused(ctx.db, channel.id, false, ctx.clock.now());
      await respond(interaction, `The daily question is back on in ${channelMention(channelId)}.`);
    },
    async remove(interaction, args, ctx) {
      const { channel, channelId } = await quizChannel(interaction, args, ctx);
      await removeQuizChannel(ctx.db, channel.id);
      await respond(interaction, `${channelMention(channelId)} no longer gets a daily question.`);
    },
    async "post-now"(interaction, args, ctx) {
      const { channel, channelId } = await quizChannel(interaction, args, ctx);
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const now = ctx.clock.now();
      const outcome = await postNow(ctx, ctx.quiz, channel, now);
      await interaction.editReply(postNowReply(outcome, channelId, channel.exam, now));
    },
    async "close-now"(interaction, args, ctx) {
      const { channel, channelId } = await quizChannel(interaction, args, ctx);
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const closed = await closeNow(ctx, ctx.quiz, channel, ctx.clock.now());
      await interaction.editReply(
        closed === 0
          ? `No question is open in ${channelMention(channelId)}.`
          : `Closed the open question in ${channelMention(channelId)} and posted the answer.`,
      );
    },
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    const pool = focused.name === "exam" ? [...ctx.tracks.keys()] : timeZones;
    await interaction.respond(matchingChoices(pool, String(focused.value)));
  },
});

/** What /quiz post-now did, and what happens next, as the admin should read it. */
function postNowReply(outcome: PostNowOutcome, channelId: string, exam: string, now: Date): string {
  const next = (at: Date | undefined) =>
    at
      ? `The next scheduled question: ${time(at, TimestampStyles.LongDateTime)} (${time(at, TimestampStyles.RelativeTime)}).`
      : "No scheduled question follows (the channel is paused).";
  switch (outcome.kind) {
    case "posted":
      return [
        `Posted today's question in ${channelMention(channelId)}; it closes ${time(outcome.posting.closesAt, TimestampStyles.RelativeTime)}.`,
        next(outcome.nextPostAt),
      ].join("\n");
    case "already-posted": {
      const { posting } = outcome;
      const state =
        posting.closedAt || posting.closesAt <= now
          ? `Today's question in ${channelMention(channelId)} was already posted and has closed.`
          : `Today's question in ${channelMention(channelId)} is already open until ${time(posting.closesAt, TimestampStyles.ShortTime)}; \`/quiz close-now\` closes it.`;
      return [state, next(outcome.nextPostAt)].join("\n");
    }
    case "no-questions":
      return `There are no questions for ${exam} yet.`;
    case "failed":
      return `Could not post in ${channelMention(channelId)}: ${adminReason(outcome.reason)} \`/quiz status\` shows how it goes.`;
  }
}

async function setup(interaction: ChatInputCommandInteraction, args: Args<"setup">, ctx: CommandContext) {
  const { channel } = args;
  const guildId = interaction.guildId ?? "";
  // Re-running setup on a quiz channel changes only the options given; a new channel needs time and zone.
  const existing = await findQuizChannel(ctx.db, guildId, channel.id);
  const given = {
    time: args.time?.trim(),
    timezone: args.timezone?.trim(),
    exam: args.exam?.trim().toUpperCase(),
    weekdays: args.weekdays?.trim(),
    windowHours: args.window_hours,
    policy: args.answer_policy,
    hidden: args.hidden_answers,
  };
  const postTime = given.time ?? existing?.postTime;
  const timeZone = given.timezone ?? existing?.timeZone;
  const exam =
    given.exam ??
    existing?.exam ??
    (ctx.tracks.has("AIP-C01") ? "AIP-C01" : ([...ctx.tracks.keys()][0] ?? ""));
  const hiddenAnswers = given.hidden ?? existing?.hiddenAnswers ?? false;
  const problems: string[] = [];
  if (!postTime) problems.push("**time** is needed for a new quiz channel, e.g. `07:30`.");
  if (!timeZone) problems.push("**timezone** is needed for a new quiz channel, e.g. `Asia/Tokyo`.");
  const time24 = postTime ? parsePostTime(postTime) : undefined;
  if (postTime && !time24)
    problems.push(`**time** \`${postTime}\` is not a time like 07:30 (24-hour HH:MM).`);
  if (timeZone && !isValidZone(timeZone))
    problems.push(
      `**timezone** \`${timeZone}\` is not an IANA time zone such as Asia/Tokyo or America/New_York.`,
    );
  if (!ctx.tracks.has(exam))
    problems.push(
      `**exam** \`${exam}\` is not a track I have questions for (${[...ctx.tracks.keys()].join(", ")}).`,
    );
  const weekdays =
    given.weekdays === undefined
      ? (existing?.weekdays ?? parseWeekdays("daily"))
      : parseWeekdays(given.weekdays);
  if (!weekdays || weekdays.length === 0)
    problems.push(
      `**weekdays** \`${given.weekdays}\` is not understood: try daily, weekdays, mon-fri or mon,wed,fri.`,
    );
  const wanted = hiddenAnswers
    ? [...needed, [PermissionFlagsBits.ManageMessages, "Manage Messages"] as const]
    : needed;
  const missing = botMissingIn(interaction, channel.id, wanted);
  if (missing.length > 0)
    problems.push(
      `I am missing **${missing.join(", ")}** in ${channelMention(channel.id)}: grant them to my role there.`,
    );
  if (problems.length > 0 || !time24 || !weekdays || !timeZone)
    throw new UserError(`Nothing was saved.\n${problems.map((p) => `• ${p}`).join("\n")}`);

  const normalizedTime = `${String(time24.hour).padStart(2, "0")}:${String(time24.minute).padStart(2, "0")}`;
  const now = ctx.clock.now();
  const { created, channel: saved } = await configureQuizChannel(
    ctx.db,
    {
      guildId,
      channelId: channel.id,
      exam,
      postTime: normalizedTime,
      timeZone,
      weekdays,
      windowHours: given.windowHours ?? existing?.windowHours ?? 24,
      answerPolicy: given.policy ?? existing?.answerPolicy ?? "last",
      hiddenAnswers,
    },
    now,
  );
  const nextAt = await nextPostAt(ctx.db, saved, now);
  const next = nextAt
    ? `${time(nextAt, TimestampStyles.LongDateTime)} (${time(nextAt, TimestampStyles.RelativeTime)})`
    : "not scheduled";
  const lines = [
    `${created ? "Set up" : "Updated"} the daily **${exam}** question in ${channelMention(channel.id)}:`,
    `• ${describeSchedule(saved)}`,
  ];
  if (existing) {
    const before = describeSchedule(existing);
    lines.push(before === describeSchedule(saved) ? "• Nothing changed." : `• Was: ${before}`);
  }
  lines.push(`• Next question: ${next}`);
  await respond(interaction, lines.join("\n"));
}

function describeSchedule(channel: QuizChannel): string {
  return `${channel.exam} at ${channel.postTime} ${channel.timeZone}, ${formatWeekdays(channel.weekdays)}; open for ${channel.windowHours} h; ${channel.answerPolicy} answer counts${channel.hiddenAnswers ? "; answers hidden" : ""}`;
}

async function status(interaction: ChatInputCommandInteraction, _args: Args<"status">, ctx: CommandContext) {
  const all = await quizStatus(ctx.db, interaction.guildId ?? "", ctx.clock.now());
  if (all.length === 0) {
    await respond(interaction, "No quiz channels yet. Start one with `/quiz setup`.");
    return;
  }
  const lines = all.map(({ channel, nextPostAt, open }) => {
    const parts = [
      `${channelMention(channel.channelId)} — **${channel.exam}** at ${channel.postTime} ${channel.timeZone}, ${formatWeekdays(channel.weekdays)}`,
    ];
    if (channel.paused) parts.push("⏸️ paused");
    else if (nextPostAt)
      parts.push(
        `next ${time(nextPostAt, TimestampStyles.ShortDateTime)} (${time(nextPostAt, TimestampStyles.RelativeTime)})`,
      );
    if (open)
      parts.push(`open: #${open.sequence}, closes ${time(open.closesAt, TimestampStyles.RelativeTime)}`);
    if (channel.lastError && channel.lastErrorAt)
      parts.push(`⚠️ ${channel.lastError} (${time(channel.lastErrorAt, TimestampStyles.RelativeTime)})`);
    return `• ${parts.join(" · ")}`;
  });
  await respond(interaction, lines.join("\n").slice(0, 2000));
}
