import {
  ApplicationCommandOptionType,
  ChannelType,
  type ChatInputCommandInteraction,
  channelMention,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { serverSettings, setReminderChannel, setServerTimeZone } from "../../guilds/settings.js";
import { isValidZone } from "../../quiz/schedule.js";
import { type CommandContext, defineCommand } from "../command.js";
import { botMissingIn, manageServer } from "../permissions.js";
import { respond } from "../reply.js";
import { timeZoneChoices } from "../time-zones.js";
import { UserError } from "../user-error.js";

const data = {
  name: "settings",
  description: "Server settings for the bot (Manage Server)",
  default_member_permissions: manageServer,
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "Show this server's settings",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "timezone",
      description: "The time zone weeks and months are counted in for leaderboards",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "zone",
          description: "IANA time zone, e.g. Europe/Berlin",
          required: true,
          autocomplete: true,
          max_length: 64,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reminder-channel",
      description:
        "Where certification reminders go for members whose DMs are closed (leave empty to turn off)",
      options: [
        {
          type: ApplicationCommandOptionType.Channel,
          name: "channel",
          description: "A text channel the bot can post in",
          channel_types: [ChannelType.GuildText],
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** A reminder there is a message mentioning the member. */
const reminderChannelNeeds = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
] as const;

/** The server's settings, after the heading saying whether anything was just saved. */
async function showSettings(interaction: ChatInputCommandInteraction, ctx: CommandContext, heading: string) {
  const settings = await serverSettings(ctx.db, interaction.guildId ?? "");
  const zoneSource = {
    setting: "",
    "quiz channel": " (from the first quiz channel)",
    default: " (default)",
  }[settings.timeZoneSource];
  await respond(
    interaction,
    [
      heading,
      `• Weeks and months are counted in **${settings.timeZone}**${zoneSource}.`,
      `• Reminders for members with closed DMs go to ${settings.reminderChannelId ? channelMention(settings.reminderChannelId) : "no channel (only DMs)"}.`,
    ].join("\n"),
  );
}

const saved = "Saved. **Server settings**";

export const settingsCommand = defineCommand({
  data,
  subcommands: {
    async show(interaction, _args, ctx) {
      await showSettings(interaction, ctx, "**Server settings**");
    },
    async timezone(interaction, args, ctx) {
      const zone = args.zone.trim();
      if (!isValidZone(zone))
        throw new UserError(
          `\`${zone}\` is not an IANA time zone such as Europe/Berlin. Nothing was changed.`,
        );
      await setServerTimeZone(ctx.db, interaction.guildId ?? "", zone);
      await showSettings(interaction, ctx, saved);
    },
    async "reminder-channel"(interaction, args, ctx) {
      const channelId = args.channel?.id ?? null;
      const missing = channelId ? botMissingIn(interaction, channelId, reminderChannelNeeds) : [];
      if (channelId && missing.length > 0)
        throw new UserError(
          `I am missing **${missing.join(", ")}** in ${channelMention(channelId)}: grant them to my role there. Nothing was changed.`,
        );
      await setReminderChannel(ctx.db, interaction.guildId ?? "", channelId);
      await showSettings(interaction, ctx, saved);
    },
  },
  async autocomplete(interaction) {
    await interaction.respond(timeZoneChoices(String(interaction.options.getFocused())));
  },
});
