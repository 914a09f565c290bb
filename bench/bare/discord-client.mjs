// A bare discord.js client, the baseline of the memory rows: the bot's intents, nothing else. Plain
// JavaScript run by node itself, so the baseline pays for no TypeScript loader.
// node bench/bare/discord-client.mjs default|minimal   (DISCORD_TOKEN, DISCORD_API_URL)
import { Client, Events, GatewayIntentBits, Options } from "discord.js";

const mode = process.argv[2] ?? "default";
const ownOnly = { maxSize: 0, keepOverLimit: (entry) => entry.id === entry.client.user?.id };
const minimal = Options.cacheWithLimits({
  ApplicationCommandManager: 0,
  ApplicationEmojiManager: 0,
  AutoModerationRuleManager: 0,
  BaseGuildEmojiManager: 0,
  DMMessageManager: 0,
  EntitlementManager: 0,
  GuildBanManager: 0,
  GuildEmojiManager: 0,
  GuildForumThreadManager: 0,
  GuildInviteManager: 0,
  GuildMessageManager: 0,
  GuildScheduledEventManager: 0,
  GuildStickerManager: 0,
  GuildTextThreadManager: 0,
  MessageManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  StageInstanceManager: 0,
  ThreadManager: 0,
  ThreadMemberManager: 0,
  VoiceStateManager: 0,
  GuildMemberManager: ownOnly,
  UserManager: ownOnly,
});

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
  rest: { api: process.env.DISCORD_API_URL },
  ...(mode === "minimal" ? { makeCache: minimal } : {}),
});
client.once(Events.ClientReady, () => {
  process.stdout.write(
    `${JSON.stringify({ msg: "ready", guilds: client.guilds.cache.size, users: client.users.cache.size })}\n`,
  );
});
process.on("SIGTERM", () => void client.destroy().then(() => process.exit(0)));
await client.login(process.env.DISCORD_TOKEN);
