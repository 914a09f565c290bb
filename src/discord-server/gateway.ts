import type { Server } from "node:http";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { Intent } from "./context.js";
import { guildCreatePayload, memberPayload, readyPayload } from "./payloads.js";
import { guildOfDispatch, onShard, type ShardInfo, shardFromIdentify } from "./sharding.js";
import { type State, snowflake } from "./state.js";

/** The gateway: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, dispatches, RESUME with replay. */

interface Dispatch {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  intents: number;
  /** [shard id, shard count] from IDENTIFY: the session receives only its shard's guilds. */
  shard: ShardInfo;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  log: Dispatch[];
  socket: WebSocket | null;
}

export interface GatewayStats {
  identifies: number;
  resumes: number;
  /** RESUMEs answered with invalid session. */
  rejectedResumes: number;
}

export class Gateway {
  readonly stats: GatewayStats = { identifies: 0, resumes: 0, rejectedResumes: 0 };
  /** When true, RESUME is answered with invalid session (op 9), so the client identifies again. */
  rejectResume = false;
  readonly #sessions = new Map<string, Session>();
  readonly #wss: WebSocketServer;

  constructor(
    server: Server,
    private readonly state: State,
    private readonly options: { token: string; heartbeatIntervalMs: number; url: () => string },
  ) {
    this.#wss = new WebSocketServer({ server, path: "/gateway" });
    this.#wss.on("connection", (socket) => this.#accept(socket));
  }

  /** Sessions with a live, identified connection. */
  get connectedSessions(): number {
    return [...this.#sessions.values()].filter((s) => s.socket !== null).length;
  }

  dispatch(event: string, intent: number, data: unknown | ((intents: number) => unknown)): void {
    for (const session of this.#sessions.values()) {
      if (intent !== 0 && (session.intents & intent) === 0) continue;
      const d = typeof data === "function" ? (data as (intents: number) => unknown)(session.intents) : data;
      if (!onShard(session.shard, guildOfDispatch(event, d))) continue;
      this.#send(session, event, d);
    }
  }

  /** Deliver again, as new dispatches, the events already sent that match (a duplicate delivery). */
  redeliver(matches: (event: string, data: unknown) => boolean): number {
    let sent = 0;
    for (const session of this.#sessions.values()) {
      for (const payload of session.log.filter((p) => matches(p.t, p.d))) {
        this.#send(session, payload.t, payload.d);
        sent += 1;
      }
    }
    return sent;
  }

  /** Cut every live connection as a network failure would; sessions stay resumable. */
  drop(code = 4000): void {
    for (const session of this.#sessions.values()) {
      const socket = session.socket;
      session.socket = null;
      socket?.close(code, "Connection dropped by the test");
    }
  }

  close(): Promise<void> {
    for (const client of this.#wss.clients) client.terminate();
    return new Promise((resolve) => this.#wss.close(() => resolve()));
  }

  #send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const payload: Dispatch = { op: 0, t, s: session.seq, d };
    session.log.push(payload);
    if (session.log.length > 5_000) session.log.shift();
    session.socket?.send(JSON.stringify(payload));
  }

  #accept(socket: WebSocket): void {
    let session: Session | null = null;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
    socket.on("message", (raw: RawData) => {
      const payload = parse(raw);
      if (!payload) return socket.close(4002, "Error while decoding payload.");
      switch (payload.op) {
        case 1:
          return socket.send(JSON.stringify({ op: 11 }));
        case 2:
          session = this.#identify(socket, payload.d);
          return;
        case 6:
          session = this.#resume(socket, payload.d);
          return;
        case 8:
          return this.#requestMembers(session, payload.d);
        default:
          return; // Presence and voice updates are accepted and ignored.
      }
    });
    socket.on("close", (code) => {
      if (!session || session.socket !== socket) return;
      session.socket = null;
      // A clean close ends the session; anything else may be resumed.
      if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
    });
  }

  #identify(socket: WebSocket, d: Record<string, unknown>): Session | null {
    if (d.token !== this.options.token) {
      socket.close(4004, "Authentication failed.");
      return null;
    }
    const shard = shardFromIdentify(d);
    if (typeof shard === "string") {
      socket.close(4010, shard);
      return null;
    }
    this.stats.identifies += 1;
    const intents = Number(d.intents ?? 0);
    const session: Session = { id: snowflake(), intents, shard, seq: 0, log: [], socket };
    this.#sessions.set(session.id, session);
    const guilds = this.state.botGuilds().filter((guild) => onShard(shard, guild.id));
    const ready = readyPayload(this.state, session.id, this.options.url());
    this.#send(session, "READY", {
      ...ready,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      shard: [...shard],
    });
    for (const guild of guilds) this.#send(session, "GUILD_CREATE", guildCreatePayload(this.state, guild.id));
    return session;
  }

  #resume(socket: WebSocket, d: Record<string, unknown>): Session | null {
    const session = this.#sessions.get(String(d.session_id));
    if (d.token !== this.options.token) {
      socket.close(4004, "Authentication failed.");
      return null;
    }
    if (!session || this.rejectResume) {
      this.stats.rejectedResumes += 1;
      if (session) this.#sessions.delete(session.id);
      socket.send(JSON.stringify({ op: 9, d: false }));
      return null;
    }
    this.stats.resumes += 1;
    session.socket = socket;
    const from = Number(d.seq ?? 0);
    for (const missed of session.log.filter((p) => p.s > from)) socket.send(JSON.stringify(missed));
    this.#send(session, "RESUMED", {});
    return session;
  }

  /** op 8: answer with one GUILD_MEMBERS_CHUNK (needs the Guild Members intent, as on Discord). */
  #requestMembers(session: Session | null, d: Record<string, unknown>): void {
    if (!session || (session.intents & Intent.GuildMembers) === 0) return;
    const guildId = String(d.guild_id);
    const wanted = Array.isArray(d.user_ids) ? d.user_ids.map(String) : null;
    const query = typeof d.query === "string" ? d.query.toLowerCase() : "";
    const members = this.state.guildMembers(guildId).filter((m) => {
      const name = this.state.users.get(m.userId)?.username.toLowerCase() ?? "";
      return wanted ? wanted.includes(m.userId) : name.startsWith(query);
    });
    this.#send(session, "GUILD_MEMBERS_CHUNK", {
      guild_id: guildId,
      members: members.map((m) => memberPayload(this.state, guildId, m.userId)),
      chunk_index: 0,
      chunk_count: 1,
      nonce: d.nonce,
    });
  }
}

function parse(raw: RawData): { op: number; d: Record<string, unknown> } | null {
  try {
    const value = JSON.parse(raw.toString()) as { op?: unknown; d?: unknown };
    if (typeof value.op !== "number") return null;
    const d = typeof value.d === "object" && value.d !== null ? (value.d as Record<string, unknown>) : {};
    return { op: value.op, d };
  } catch {
    return null;
  }
}
