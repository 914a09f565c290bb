import type { State } from "./state.js";

/** What the REST routes, the actors and the setup API share. */
export interface ServerContext {
  readonly state: State;
  /** http://127.0.0.1:PORT, known once the server listens. */
  origin: string;
  /** How long the bot has to answer an interaction before Discord forgets it (Discord: 3 s). */
  readonly interactionResponseTimeoutMs: number;
  /**
   * Send a dispatch to every bot session whose intents include `intent` (0: always).
   * `data` may depend on the session's intents (Message Content).
   */
  dispatch(event: string, intent: number, data: unknown | ((intents: number) => unknown)): void;
  /** GET /gateway/bot's answer (sharding.ts). */
  gatewayBot(): unknown;
}

/** Gateway intents, as bits (the same numbers as discord.js's GatewayIntentBits). */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  MessageContent: 1 << 15,
} as const;
