import type {
  ChannelRecord,
  CommandRecord,
  GuildRecord,
  InteractionRecord,
  MemberRecord,
  MessageRecord,
  RoleRecord,
  UserRecord,
} from "./records.js";

/** Everything the fake Discord knows, kept as plain records; payloads.ts turns them into API objects. */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A real-looking snowflake (19 digits), so discord.js can read a timestamp from it and route it. */
export function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** Members keyed `${guildId}:${userId}`, with each guild's keys indexed so a guild's members are not a scan. */
class MemberMap extends Map<string, MemberRecord> {
  readonly #byGuild = new Map<string, Set<string>>();

  override set(key: string, member: MemberRecord): this {
    super.set(key, member);
    const keys = this.#byGuild.get(member.guildId) ?? new Set<string>();
    this.#byGuild.set(member.guildId, keys.add(key));
    return this;
  }

  override delete(key: string): boolean {
    const member = this.get(key);
    if (member) this.#byGuild.get(member.guildId)?.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    this.#byGuild.clear();
    super.clear();
  }

  inGuild(guildId: string): MemberRecord[] {
    return [...(this.#byGuild.get(guildId) ?? [])].flatMap((key) => this.get(key) ?? []);
  }
}

export class State {
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  /** Keyed `${guildId}:${userId}`. */
  readonly members = new MemberMap();
  readonly messages = new Map<string, MessageRecord>();
  readonly commands = new Map<string, CommandRecord>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly #listeners = new Set<() => void>();

  constructor(
    readonly botUser: UserRecord,
    readonly applicationId: string,
  ) {
    this.users.set(botUser.id, botUser);
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.members.get(`${guildId}:${userId}`);
  }

  guildMembers(guildId: string): MemberRecord[] {
    return this.members.inGuild(guildId);
  }

  guildRoles(guildId: string): RoleRecord[] {
    return [...this.roles.values()].filter((r) => r.guildId === guildId);
  }

  guildChannels(guildId: string): ChannelRecord[] {
    return [...this.channels.values()].filter((c) => c.guildId === guildId);
  }

  channelMessages(channelId: string): MessageRecord[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId);
  }

  botGuilds(): GuildRecord[] {
    return [...this.guilds.values()].filter((g) => this.member(g.id, this.botUser.id));
  }

  /** Tell waiters (nextMessage, runCommand …) that something changed. */
  changed(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Call `listener` after every change (the playground's page follows the server this way); returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolve with the first non-undefined value of `probe`, re-checked after every change. */
  waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const now = probe();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const listener = (): void => {
        const value = probe();
        if (value === undefined) return;
        done();
        resolve(value);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.#listeners.delete(listener);
      };
      this.#listeners.add(listener);
    });
  }
}
