// The process bench/ingest.ts measures: the bot (INGEST_MODE=bot) on Postgres (DATABASE_URL) or on
// PGlite in memory, or a bare discord.js client with the bot's intents, partials and caches that only
// counts reaction events (INGEST_MODE=bare). It answers the bench over IPC: its CPU time, a digest of a
// posting's answers, and, once the bot has stopped, the bare upsert loops on the same database.
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { Events } from "discord.js";
import { pino } from "pino";
import postgres from "postgres";
import { type RunningBot, startBot } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { pgliteDatabase } from "../src/db/client.js";
import { createDiscordClient } from "../src/discord/client.js";

/** One answer as a bare loop writes it: the member's state right after one reaction event. */
export interface Upsert {
  userId: string;
  choices: string;
}

/** What the bench asks; each request carries an id its answer repeats. */
export type IngestAsk =
  | { type: "cpu" }
  | { type: "count" }
  | { type: "digest"; messageId: string }
  | { type: "stop-bot" }
  | { type: "upsert-loop"; messageId: string; upserts: Upsert[]; concurrency: number }
  | { type: "exit" };
type IngestRequest = IngestAsk & { id: number };

type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

const mode = process.env.INGEST_MODE ?? "bot";
const reply = (id: number, body: Record<string, unknown>) => process.send?.({ id, ...body });

let received = 0;
let bot: RunningBot | undefined;
let query: Query;
let closeQuery: () => Promise<void> = async () => {};

if (mode === "bare") {
  const client = createDiscordClient({ apiUrl: process.env.DISCORD_API_URL });
  const count = () => {
    received += 1;
  };
  client.on(Events.MessageReactionAdd, count);
  client.on(Events.MessageReactionRemove, count);
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(process.env.DISCORD_TOKEN);
  await ready;
  query = async () => [];
} else {
  const url = process.env.DATABASE_URL;
  const pglite = url ? undefined : await PGlite.create("memory://");
  if (pglite)
    query = async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows;
  else {
    // The bench's own connection for digests and the bare loops: a pool of 8, as the bare loop at concurrency 8 needs.
    const client = postgres(url ?? "", { max: 8, onnotice: () => {} });
    query = (text, params) => client.unsafe(text, params as never[], { prepare: true });
    closeQuery = () => client.end();
  }
  bot = await startBot(parseConfig(process.env), {
    ...(pglite ? { database: pgliteDatabase(pglite) } : {}),
    startTimer: false,
    log: pino({ level: "silent" }),
  });
}
process.send?.({ type: "ready" });

const postingOf = async (messageId: string) =>
  Number((await query("select id from postings where message_id = $1", [messageId]))[0]?.id);

/** Every answer of the posting in one string's md5, ordered by member: the bench compares it with what the members hold. */
async function digest(messageId: string) {
  const [row] = await query(
    `select count(*)::int as rows, coalesce(md5(string_agg(user_id || ':' || choices, ',' order by user_id collate "C")), '') as digest
     from answers where posting_id = $1`,
    [await postingOf(messageId)],
  );
  return { rows: Number(row?.rows ?? 0), digest: String(row?.digest ?? "") };
}

/**
 * The baseline: each event's resulting answer written by its own single-row upsert, `concurrency` at a
 * time; a member's events stay in order (each member belongs to one lane).
 */
async function upsertLoop(messageId: string, upserts: Upsert[], concurrency: number) {
  const postingId = await postingOf(messageId);
  await query("delete from answers where posting_id = $1", [postingId]);
  const lanes: Upsert[][] = Array.from({ length: concurrency }, () => []);
  const laneOf = new Map<string, number>();
  for (const upsert of upserts) {
    const lane = laneOf.get(upsert.userId) ?? laneOf.size % concurrency;
    laneOf.set(upsert.userId, lane);
    lanes[lane]?.push(upsert);
  }
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (const { userId, choices } of lane) {
        const at = new Date();
        await query(
          `insert into answers (posting_id, user_id, choices, first_answered_at, last_answered_at)
           values ($1, $2, $3, $4, $4)
           on conflict (posting_id, user_id) do update set choices = excluded.choices, last_answered_at = excluded.last_answered_at`,
          [postingId, userId, choices, at],
        );
      }
    }),
  );
  return { ms: performance.now() - started, ...(await digest(messageId)) };
}

process.on("message", (request: IngestRequest) => {
  void (async () => {
    if (request.type === "cpu") {
      const { user, system } = process.cpuUsage();
      reply(request.id, { cpuMs: (user + system) / 1000 });
    } else if (request.type === "count") reply(request.id, { received });
    else if (request.type === "digest") reply(request.id, await digest(request.messageId));
    else if (request.type === "stop-bot") {
      await bot?.stop();
      bot = undefined;
      reply(request.id, {});
    } else if (request.type === "upsert-loop")
      reply(request.id, await upsertLoop(request.messageId, request.upserts, request.concurrency));
    else {
      await bot?.stop();
      await closeQuery();
      reply(request.id, {});
      process.exit(0);
    }
  })();
});
