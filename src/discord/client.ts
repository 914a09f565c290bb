import {
  Client,
  Events,
  GatewayIntentBits,
  type GuildMember,
  Options,
  Partials,
  RESTEvents,
  type User,
} from "discord.js";
import type { Logger } from "../log.js";
import { metrics } from "../metrics.js";
import type { LinkedRoles } from "./linked-roles.js";
import { defaultRequestsPerSecond, pacedRequests } from "./rest-pace.js";

export interface ClientSettings {
  /** REST base such as http://127.0.0.1:3000/api; Discord's own when absent. */
  apiUrl?: string | undefined;
  /** The shards this process runs, of `shardCount`; all of Discord's recommended number when absent. */
  shards?: { ids: readonly number[]; count: number } | undefined;
  /** Roles linked to study groups: their holders stay in the member cache. */
  linkedRoles?: LinkedRoles | undefined;
  /** This process's share of Discord's global request limit; `defaultRequestsPerSecond` when absent. */
  requestsPerSecond?: number | undefined;
}

/** How often members and users the bot no longer needs leave the cache, in seconds. */
const sweepSeconds = 3_600;

/**
 * Least privilege: no privileged intents. Partials are on because after a restart nothing is cached,
 * and reactions on uncached question messages must still arrive.
 *
 * The bot reads its state from the database, so it caches only what a handler needs: guilds, their
 * channels and roles (discord.js needs them for permissions), its own user and member, the holders of
 * roles linked to a study group (`knownRoleHolders`), and a few recent messages. Every other member and
 * user is dropped as soon as its event has been handled: an interaction or a reaction carries the member
 * it needs. Without this, every member of every guild (and its user) stays in memory for good.
 */
export function createDiscordClient(settings: ClientSettings): Client {
  const isMe = (entry: User | GuildMember) => entry.id === entry.client.user?.id;
  const keepMember = (member: GuildMember) => isMe(member) || (settings.linkedRoles?.heldBy(member) ?? false);
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    partials: [Partials.Message, Partials.Reaction, Partials.User, Partials.Channel, Partials.GuildMember],
    // No message the bot sends can ping @everyone, @here, a role or a user unless it says so itself.
    allowedMentions: { parse: [], repliedUser: false },
    rest: {
      ...(settings.apiUrl ? { api: settings.apiUrl } : {}),
      makeRequest: pacedRequests(settings.requestsPerSecond ?? defaultRequestsPerSecond(settings.shards), {
        waited: (seconds) => metrics.discordPaceWait.observe(seconds),
      }),
    },
    // discord.js's own sharding: one gateway connection per shard, all in this process.
    ...(settings.shards ? { shards: [...settings.shards.ids], shardCount: settings.shards.count } : {}),
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      MessageManager: 50,
      PresenceManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      VoiceStateManager: 0,
      // maxSize 0: nothing is stored unless keepOverLimit says so.
      GuildMemberManager: { maxSize: 0, keepOverLimit: keepMember },
      UserManager: { maxSize: 0, keepOverLimit: isMe },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 3_600, lifetime: 1_800 },
      // A member who lost their linked role (or whose group was unlinked) leaves the cache.
      guildMembers: { interval: sweepSeconds, filter: () => (member) => !keepMember(member) },
      users: { interval: sweepSeconds, filter: () => (user) => !isMe(user) },
    },
  });
}

/**
 * One log line and a metric for each gateway disconnect, resume and give-up, and for each Discord REST
 * error and rate limit. discord.js emits `rateLimited` when it waits out a bucket before sending; a 429
 * that Discord answers anyway (a shared or global limit) arrives only as a `response`.
 */
export function watchDiscord(client: Client, log: Logger): () => void {
  const onReconnecting = (shardId: number) => {
    metrics.gatewayReconnect.inc();
    log.warn({ shardId }, "gateway disconnected; reconnecting");
  };
  client.on(Events.ShardReconnecting, onReconnecting);
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, "gateway resumed"));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.error({ shardId, code: event.code }, "gateway closed and will not reconnect"),
  );
  client.rest.on(RESTEvents.RateLimited, (limit) => {
    metrics.discordRateLimited.labels(limit.route, limit.method, "waited").inc();
    const { route, method, global, scope, retryAfter } = limit;
    log.warn({ route, method, global, scope, retryAfterMs: retryAfter }, "Discord rate limit: waiting");
  });
  client.rest.on(RESTEvents.Response, (request, response) => {
    // discord.js hands listeners a clone of the response; its body is never read here.
    const body = response.body as { cancel?: () => Promise<void> } | null;
    void body?.cancel?.().catch(() => {});
    if (response.status < 400) return;
    const method = request.method.toUpperCase();
    metrics.discordRestError.labels(request.route, method, String(response.status)).inc();
    if (response.status !== 429) return;
    metrics.discordRateLimited.labels(request.route, method, "429").inc();
    const retryAfter = response.headers.get("retry-after");
    log.warn(
      { route: request.route, method, scope: response.headers.get("x-ratelimit-scope"), retryAfter },
      "Discord rate limit: answered 429",
    );
  });
  // Stop before client.destroy(): closing the connection on purpose is not a disconnect to report.
  return () => client.off(Events.ShardReconnecting, onReconnecting);
}
