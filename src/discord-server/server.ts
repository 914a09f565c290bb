import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Member } from "./actors.js";
import type { ServerContext } from "./context.js";
import { Gateway } from "./gateway.js";
import { RestApi } from "./http.js";
import { EPHEMERAL, LOADING } from "./messages.js";
import { DISCORD_RATE_LIMITS, type RateLimitConfig } from "./ratelimit.js";
import { registerCommandRoutes } from "./routes/commands.js";
import { registerGuildRoutes } from "./routes/guilds.js";
import { registerInteractionRoutes } from "./routes/interactions.js";
import { registerMessageRoutes } from "./routes/messages.js";
import { registerReactionRoutes } from "./routes/reactions.js";
import { DEFAULT_BOT_PERMISSIONS, TestGuild } from "./setup.js";
import { gatewayBotPayload } from "./sharding.js";
import { State, snowflake } from "./state.js";
import { channelView, type MessageView, messageView } from "./views.js";

export interface DiscordServerOptions {
  /** The bot token the client must use. */
  token: string;
  botName?: string;
  /** Short by default so tests do not wait on heartbeats. */
  heartbeatIntervalMs?: number;
  /** Simulate Discord's rate limits: true for Discord's numbers, or your own. Default off. */
  rateLimits?: boolean | Partial<RateLimitConfig>;
  /** How long the bot has to answer an interaction (Discord: 3000 ms). */
  interactionResponseTimeoutMs?: number;
  /** The shard count GET /gateway/bot recommends (default 1); sessions IDENTIFY with any [id, count]. */
  recommendedShards?: number;
}

/** A Discord-compatible REST API and gateway on 127.0.0.1, for the real discord.js client. */
export class DiscordServer {
  readonly #http: Server;
  readonly #ctx: ServerContext;
  readonly #rest: RestApi;
  readonly #gateway: Gateway;
  /** Bot messages already handed out by nextMessage, per channel. */
  readonly #seen = new Set<string>();

  private constructor(options: DiscordServerOptions) {
    const botId = snowflake();
    const state = new State({ id: botId, username: options.botName ?? "certbot", bot: true }, botId);
    this.#http = createServer();
    const ctx: ServerContext = {
      state,
      origin: "",
      interactionResponseTimeoutMs: options.interactionResponseTimeoutMs ?? 3_000,
      dispatch: (event, intent, data) => this.#gateway.dispatch(event, intent, data),
      gatewayBot: () =>
        gatewayBotPayload(this.gatewayUrl, options.recommendedShards ?? 1, this.#gateway.stats.identifies),
    };
    this.#ctx = ctx;
    this.#rest = new RestApi(ctx, options.token);
    for (const register of [
      registerGuildRoutes,
      registerMessageRoutes,
      registerReactionRoutes,
      registerCommandRoutes,
      registerInteractionRoutes,
    ]) {
      register(this.#rest.router, ctx);
    }
    this.setRateLimits(options.rateLimits ?? false);
    const url = () => this.gatewayUrl;
    const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 1_000;
    this.#gateway = new Gateway(this.#http, state, { token: options.token, heartbeatIntervalMs, url });
    this.#http.on("request", (req, res) => void this.#rest.handle(req, res));
  }

  static async start(options: DiscordServerOptions): Promise<DiscordServer> {
    const server = new DiscordServer(options);
    await new Promise<void>((resolve) => server.#http.listen(0, "127.0.0.1", resolve));
    const { port } = server.#http.address() as AddressInfo;
    server.#ctx.origin = `http://127.0.0.1:${port}`;
    return server;
  }

  /** Pass to discord.js as `rest: { api: server.apiUrl }`. */
  get apiUrl(): string {
    return `${this.#ctx.origin}/api`;
  }

  get gatewayUrl(): string {
    return `${this.#ctx.origin.replace(/^http/, "ws")}/gateway`;
  }

  get bot(): { id: string; username: string } {
    const { id, username } = this.#ctx.state.botUser;
    return { id, username };
  }

  get applicationId(): string {
    return this.#ctx.state.applicationId;
  }

  get stats() {
    return {
      ...this.#rest.stats,
      ...this.#gateway.stats,
      connectedSessions: this.#gateway.connectedSessions,
    };
  }

  /** "METHOD /path" of requests no route knows; a test can assert this stays empty. */
  get unknownRoutes(): readonly string[] {
    return this.#rest.unknownRoutes;
  }

  /** Exceptions inside this server's route handlers (answered 500): bugs here, not in the bot. */
  get errors(): readonly unknown[] {
    return this.#rest.errors;
  }

  async close(): Promise<void> {
    await this.#gateway.close();
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  // --- Setup -------------------------------------------------------------------------------------

  /** A guild with the bot in it; created after login, it reaches the bot as GUILD_CREATE. */
  createGuild(options: { name?: string; botPermissions?: bigint } = {}): TestGuild {
    const permissions = options.botPermissions ?? DEFAULT_BOT_PERMISSIONS;
    return new TestGuild(this.#ctx, snowflake(), options.name ?? "Study Group", permissions);
  }

  // --- Inspect -----------------------------------------------------------------------------------

  /** Every non-ephemeral message in the channel, oldest first. */
  messages(channelId: string): MessageView[] {
    return channelView(this.#ctx.state, this.#ctx.origin, channelId, null);
  }

  message(messageId: string): MessageView | undefined {
    const record = this.#ctx.state.messages.get(messageId);
    return record ? messageView(this.#ctx.origin, record) : undefined;
  }

  /** The oldest bot message in the channel not yet returned by nextMessage, waiting for one if need be. */
  nextMessage(channelId: string, { timeoutMs = 5_000 }: { timeoutMs?: number } = {}): Promise<MessageView> {
    const { state } = this.#ctx;
    const probe = () =>
      state
        .channelMessages(channelId)
        .find(
          (m) =>
            m.authorId === state.botUser.id &&
            (m.flags & (EPHEMERAL | LOADING)) === 0 &&
            !this.#seen.has(m.id),
        );
    return state.waitFor(probe, timeoutMs, `a bot message in channel ${channelId}`).then((m) => {
      this.#seen.add(m.id);
      return messageView(this.#ctx.origin, m);
    });
  }

  /** Wait until the message has more than `versions` versions (1 = never edited), then return it. */
  nextEdit(messageId: string, versions: number, { timeoutMs = 5_000 } = {}): Promise<MessageView> {
    const { state } = this.#ctx;
    const probe = () => {
      const m = state.messages.get(messageId);
      return m && m.history.length > versions ? m : undefined;
    };
    return state
      .waitFor(probe, timeoutMs, `an edit of message ${messageId}`)
      .then((m) => messageView(this.#ctx.origin, m));
  }

  /** Registered application commands (global when guildId is omitted), as the bot sent them. */
  commands(guildId?: string): Array<{ id: string; name: string } & Record<string, unknown>> {
    return [...this.#ctx.state.commands.values()]
      .filter((c) => c.guildId === (guildId ?? null))
      .map((c) => ({ ...c.body, id: c.id, name: c.name }));
  }

  /** Call `listener` after every change to messages, reactions, interactions …; returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    return this.#ctx.state.subscribe(listener);
  }

  // --- Faults and switches -----------------------------------------------------------------------

  /** Cut the bot's gateway connection (close 4000); discord.js reconnects and RESUMEs. */
  dropGateway(code = 4000): void {
    this.#gateway.drop(code);
  }

  /** Deliver every reaction add already sent for a message a second time, as a replayed session may. */
  redeliverReactionAdds(messageId: string): number {
    return this.#gateway.redeliver(
      (event, data) =>
        event === "MESSAGE_REACTION_ADD" && (data as { message_id?: string }).message_id === messageId,
    );
  }

  /** Answer RESUME with invalid session (op 9), so the client must IDENTIFY again. */
  set rejectResume(value: boolean) {
    this.#gateway.rejectResume = value;
  }

  /** Make the next `count` REST calls fail with `status` (5xx, or 429 with Retry-After). */
  failNextRequests(count: number, { status = 500, retryAfterMs = 100 } = {}): void {
    this.#rest.failNextRequests(count, status, retryAfterMs);
  }

  /** `stats.busiestSecond` counts afresh from now (a benchmark's phases each get their own). */
  resetBusiestSecond(): void {
    this.#rest.resetBusiestSecond();
  }

  /** Turn the simulated rate limits on (Discord's numbers, or overrides) or off. */
  setRateLimits(config: boolean | Partial<RateLimitConfig>): void {
    this.#rest.setRateLimits(typeof config === "boolean" ? config : { ...DISCORD_RATE_LIMITS, ...config });
  }
}

export type { Member };
