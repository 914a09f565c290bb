// Answers ingested through the real client: members add and remove answer reactions on an open question
// (through the local Discord server's gateway) while the bot runs in its own process; the bench times
// until every member's stored answer is what their reactions say, and reads the bot's CPU time. In the
// same run: the same events' answers written by a bare single-row upsert loop on the same database, and
// a bare discord.js client (the bot's intents, partials and caches, no database) receiving the same events.
import { type ChildProcess, fork } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { PermissionFlagsBits } from "discord.js";
import { answerEmoji } from "../src/discord/answer-emoji.js";
import { DiscordServer, type Member } from "../src/discord-server/index.js";
import type { Letter } from "../src/questions/question.js";
import { captureOutput, childEnv } from "../tests/support/child-bot.js";
import { freshDatabase } from "./databases.js";
import type { IngestAsk, Upsert } from "./ingest-child.js";
import { postOpenQuestion } from "./open-question.js";

const token = "bench-token";
const letters: readonly Letter[] = ["A", "B", "C", "D"];

export interface IngestRun {
  seconds: number;
  /** User + system CPU time of the measured process from the first event to the last one handled. */
  cpuMs: number;
  correct: boolean;
}

export interface IngestFigures {
  engine: "Postgres" | "PGlite";
  members: number;
  events: number;
  bot: IngestRun;
  /** The bare upsert loop at each concurrency (PGlite: 1; it has one connection). */
  loops: Array<{ concurrency: number; seconds: number; correct: boolean }>;
}

interface PlannedEvent {
  member: number;
  letter: Letter;
  change: "add" | "remove";
}

/**
 * Ten events per member on average, dealt out round by round so members interleave: a member adds a
 * letter and removes it again, four or five times, and ends holding one letter (9 or 11 events). A
 * member never holds two letters at once, so the bot has no reaction to remove: the run measures the
 * ingestion alone.
 */
export function reactionPlan(members: number): PlannedEvent[] {
  const countOf = (member: number) => (member % 2 === 0 ? 9 : 11);
  const plan: PlannedEvent[] = [];
  for (let round = 0; round < 11; round += 1)
    for (let member = 0; member < members; member += 1) {
      if (round >= countOf(member)) continue;
      const letter = letters[(member + Math.floor(round / 2)) % 4] ?? "A";
      plan.push({ member, letter, change: round % 2 === 0 ? "add" : "remove" });
    }
  return plan;
}

async function play(
  plan: readonly PlannedEvent[],
  crowd: readonly Member[],
  channelId: string,
  messageId: string,
) {
  for (const [n, { member, letter, change }] of plan.entries()) {
    const actor = crowd[member];
    if (!actor) continue;
    if (change === "add") await actor.react(channelId, messageId, answerEmoji[letter]);
    else await actor.unreact(channelId, messageId, answerEmoji[letter]);
    // Let the server's sockets write between bursts, as a real gateway would stream them.
    if (n % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** md5 of "user:letters" per member, ordered by member id: what the bench compares with the database's digest. */
function digestOf(answers: ReadonlyMap<string, string>): string {
  const sorted = [...answers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("md5")
    .update(sorted.map(([user, choices]) => `${user}:${choices}`).join(","))
    .digest("hex");
}

/** What each member holds on the message, as the server shows it (the bot's own reactions left out). */
function heldAnswers(server: DiscordServer, messageId: string): Map<string, string> {
  const held = new Map<string, string[]>();
  for (const reaction of server.message(messageId)?.reactions ?? []) {
    const letter = letters.find((candidate) => answerEmoji[candidate] === reaction.emoji);
    if (!letter) continue;
    for (const user of reaction.userIds) {
      if (user === server.bot.id) continue;
      held.set(user, [...(held.get(user) ?? []), letter]);
    }
  }
  return new Map([...held].map(([user, chosen]) => [user, chosen.sort().join("")]));
}

/** A measured process and its IPC: one request at a time, answered with the same id. */
async function startChild(env: Record<string, string>) {
  const child: ChildProcess = fork("bench/ingest-child.ts", [], {
    execArgv: ["--import", "tsx"],
    env: childEnv({ LOG_LEVEL: "silent", ...env }),
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const captured = captureOutput(child);
  const exited = once(child, "exit");
  const failed = exited.then(() => {
    throw new Error(`the measured process exited:\n${captured.text}`);
  });
  failed.catch(() => {});
  const waiting = new Map<number, (answer: Record<string, unknown>) => void>();
  const ready = new Promise<void>((resolve) =>
    child.on("message", (message: { type?: string; id?: number }) => {
      if (message.type === "ready") resolve();
      if (message.id !== undefined) waiting.get(message.id)?.(message);
    }),
  );
  await Promise.race([ready, failed]);
  let nextId = 0;
  const ask = <T>(request: IngestAsk) => {
    const id = nextId++;
    const answered = new Promise<T>((resolve) => waiting.set(id, (answer) => resolve(answer as T)));
    child.send({ ...request, id });
    return Promise.race([answered, failed]).finally(() => waiting.delete(id));
  };
  return {
    ask,
    cpuMs: async () => (await ask<{ cpuMs: number }>({ type: "cpu" })).cpuMs,
    async exit() {
      await ask({ type: "exit" }).catch(() => {});
      await exited;
    },
  };
}

type Child = Awaited<ReturnType<typeof startChild>>;

async function waitUntil(done: () => Promise<boolean>, pollMs: number, what: string) {
  const deadline = performance.now() + 300_000;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** A server with one guild, a channel, an organiser and the crowd, created before any client connects. */
async function world(members: number) {
  const server = await DiscordServer.start({ token });
  const guild = server.createGuild({ name: "ingest" });
  const admin = guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
  const channelId = guild.createTextChannel({ name: "daily" }).id;
  const crowd = Array.from({ length: members }, (_, n) => guild.addMember({ username: `m${n}` }));
  return { server, guild, admin, channelId, crowd };
}

/** Times `play` on a measured process, from the first event until `done`; CPU read at both ends. */
async function timed(
  child: Child,
  playing: () => Promise<void>,
  done: () => Promise<boolean>,
  pollMs: number,
) {
  const cpuBefore = await child.cpuMs();
  const started = performance.now();
  await playing();
  await waitUntil(done, pollMs, "the events to be handled");
  const seconds = (performance.now() - started) / 1000;
  return { seconds, cpuMs: (await child.cpuMs()) - cpuBefore };
}

/** The bot on one database: the events through the gateway, then the bare loops on the same database. */
export async function ingestFigures(kind: "postgres" | "pglite", members: number): Promise<IngestFigures> {
  const database = kind === "postgres" ? await freshDatabase("postgres") : undefined;
  await database?.database.close();
  const { server, guild, admin, channelId, crowd } = await world(members);
  let child: Child | undefined;
  try {
    child = await startChild({
      INGEST_MODE: "bot",
      DISCORD_TOKEN: token,
      DISCORD_API_URL: server.apiUrl,
      QUESTIONS_DIR: "tests/fixtures/quiz-bank",
      ...(database?.url ? { DATABASE_URL: database.url } : {}),
    });
    const question = await postOpenQuestion(server, admin, guild.id, channelId);

    const plan = reactionPlan(members);
    const measured = child;
    const expected = { current: "" };
    const digest = () =>
      measured.ask<{ rows: number; digest: string }>({ type: "digest", messageId: question.id });
    const run = await timed(
      measured,
      async () => {
        await play(plan, crowd, channelId, question.id);
        expected.current = digestOf(heldAnswers(server, question.id));
      },
      async () => (await digest()).digest === expected.current,
      kind === "postgres" ? 20 : 50,
    );
    const final = await digest();
    const planned = new Map<string, string>();
    for (const event of plan)
      planned.set(crowd[event.member]?.id ?? "", event.change === "add" ? event.letter : "");
    const correct = final.rows === members && final.digest === digestOf(planned);

    // The baseline on the same database: each event's resulting answer, one upsert per event.
    await measured.ask({ type: "stop-bot" });
    const upserts: Upsert[] = plan.map((event) => ({
      userId: crowd[event.member]?.id ?? "",
      choices: event.change === "add" ? event.letter : "",
    }));
    const loops: IngestFigures["loops"] = [];
    for (const concurrency of kind === "postgres" ? [1, 8] : [1]) {
      const loop = await measured.ask<{ ms: number; rows: number; digest: string }>({
        type: "upsert-loop",
        messageId: question.id,
        upserts,
        concurrency,
      });
      loops.push({ concurrency, seconds: loop.ms / 1000, correct: loop.digest === digestOf(planned) });
    }
    return {
      engine: kind === "postgres" ? "Postgres" : "PGlite",
      members,
      events: plan.length,
      bot: { ...run, correct },
      loops,
    };
  } finally {
    await child?.exit();
    await server.close();
    await database?.close().catch(() => {});
  }
}

/** A bare discord.js client with the bot's client options receiving the same events: CPU and time. */
export async function bareClientRun(members: number): Promise<IngestRun & { events: number }> {
  const { server, admin, channelId, crowd } = await world(members);
  let child: Child | undefined;
  try {
    child = await startChild({ INGEST_MODE: "bare", DISCORD_TOKEN: token, DISCORD_API_URL: server.apiUrl });
    const message = await admin.send(channelId, "a message to react to");
    const plan = reactionPlan(members);
    const measured = child;
    const run = await timed(
      measured,
      () => play(plan, crowd, channelId, message.id),
      async () => (await measured.ask<{ received: number }>({ type: "count" })).received >= plan.length,
      20,
    );
    const { received } = await measured.ask<{ received: number }>({ type: "count" });
    return { ...run, correct: received === plan.length, events: plan.length };
  } finally {
    await child?.exit();
    await server.close();
  }
}
