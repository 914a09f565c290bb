import { Client, GatewayIntentBits, Options, Partials } from "discord.js";

export interface ClientSettings {
  /** REST base such as http://127.0.0.1:3000/api; Discord's own when absent. */
  apiUrl?: string | undefined;
  /** The shards this process runs, of `shardCount`; all of Discord's recommended number when absent. */
  shards?: { ids: readonly number[]; count: number } | undefined;
}

/**
 * Least privilege: no privileged intents. Partials are on because after a restart nothing is cached,
 * and reactions on uncached question messages must still arrive.
 */
export function createDiscordClient(settings: ClientSettings): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    partials: [Partials.Message, Partials.Reaction, Partials.User, Partials.Channel, Partials.GuildMember],
    // No message the bot sends can ping @everyone, @here, a role or a user unless it says so itself.
    allowedMentions: { parse: [], repliedUser: false },
    rest: settings.apiUrl ? { api: settings.apiUrl } : {},
    // discord.js's own sharding: one gateway connection per shard, all in this process.
    ...(settings.shards ? { shards: [...settings.shards.ids], shardCount: settings.shards.count } : {}),
    // The bot reads its state from the database, so Discord caches are kept small on purpose.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 50,
      ReactionUserManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 3_600, lifetime: 1_800 },
    },
  });
}
