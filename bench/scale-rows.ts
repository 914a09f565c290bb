// The scale rows of docs/BENCHMARKS.md: each measures the bot and its baseline in the same run.
import { cpus, totalmem } from "node:os";
import { freshDatabase } from "./databases.js";
import { bareClientRun, type IngestFigures, ingestFigures } from "./ingest.js";
import { connectedMemory, idleMemory, type MemoryFigure, range } from "./memory.js";
import { startupFigures } from "./startup.js";
import { postingWave } from "./wave.js";

export interface ScaleRow {
  figure: string;
  bot: string;
  baseline: string;
  ratio: string;
}

export const scaleRowNames = ["wave", "startup", "ingest", "memory"] as const;
export type ScaleRowName = (typeof scaleRowNames)[number];

/** The sizes of the full run; `--row` may ask for smaller ones. */
export const fullScale = { channels: 1000, members: 2000, guilds: 2_500, membersPerGuild: 100 } as const;

export interface ScaleOptions {
  /** Quiz channels due at once in the wave (1,000 in the full run). */
  channels: number;
  /** Members reacting in the ingest rows (2,000 in the full run; ten events each). */
  members: number;
  /** Guilds the memory row connects (2,500 in the full run), each with `membersPerGuild` members. */
  guilds: number;
  membersPerGuild: number;
  log(line: string): void;
}

export async function runScaleRow(name: ScaleRowName, options: ScaleOptions): Promise<ScaleRow[]> {
  if (name === "wave") return waveRows(options);
  if (name === "ingest") return ingestRows(options);
  if (name === "memory") return memoryRows(options);
  return startupRows(options);
}

async function waveRows({ channels, log }: ScaleOptions): Promise<ScaleRow[]> {
  const database = await freshDatabase("postgres");
  try {
    const figures = await postingWave(database, channels);
    return figures.map((figure) => {
      const line = `${figure.phase} wave, ${figure.channels} channels: ${figure.seconds.toFixed(1)} s, ${figure.requests} requests, ${figure.rateLimited} × 429, ${figure.global429s} global (at most ${figure.most429sInABucket} in one bucket${figure.repeated.length > 0 ? `: ${figure.repeated.join("; ")}` : ""}), busiest second ${figure.busiestSecond} requests`;
      log(`  ${line}; bound ${figure.boundSeconds.toFixed(1)} s`);
      const what =
        figure.phase === "posting"
          ? "posting wave (question + 4 reactions)"
          : "reveal wave (read reactions, close, edit, reveal)";
      return {
        figure: `${what}: ${figure.channels.toLocaleString("en")} quiz channels due in the same minute, Discord's limits enforced (global 50 req/s; per channel 5 messages / 5 s, 1 reaction / 0.25 s), Postgres`,
        bot: `${figure.seconds.toFixed(1)} s, ${figure.requests.toLocaleString("en")} requests, ${figure.rateLimited} × 429, ${figure.global429s} global (≤ ${figure.most429sInABucket} per bucket), busiest second ${figure.busiestSecond} requests`,
        baseline: `bound from the request count at 50 req/s: ${figure.boundSeconds.toFixed(1)} s`,
        ratio: `${(figure.seconds / figure.boundSeconds).toFixed(2)} × the bound`,
      };
    });
  } finally {
    await database.close();
  }
}

async function startupRows({ log }: ScaleOptions): Promise<ScaleRow[]> {
  const database = await freshDatabase("postgres");
  await database.database.close();
  try {
    const figures = await startupFigures(database.url);
    for (const figure of figures)
      log(
        `  start-up, ${figure.label}: ${figure.toReady.toFixed(2)} s to ready, ${figure.afterDiscordReady.toFixed(2)} s after Discord's READY`,
      );
    return figures.map((figure) => ({
      figure: `start to ready, ${figure.label} (\`npm start\` in its own process, local Discord server)`,
      bot: `${figure.toReady.toFixed(2)} s; ready ${figure.afterDiscordReady.toFixed(2)} s after Discord's READY`,
      baseline: "goal: ready within 1 s of READY",
      ratio: figure.afterDiscordReady <= 1 ? "met" : "not met",
    }));
  } finally {
    await database.close().catch(() => {});
  }
}

async function ingestRows({ members, log }: ScaleOptions): Promise<ScaleRow[]> {
  const bare = await bareClientRun(members);
  const perThousand = (cpuMs: number, events: number) => (cpuMs / events) * 1000;
  const bareCpu = perThousand(bare.cpuMs, bare.events);
  log(
    `  bare discord.js client: ${bare.events} events in ${bare.seconds.toFixed(2)} s, ${bareCpu.toFixed(1)} ms CPU per 1,000${bare.correct ? "" : " (events missing)"}`,
  );
  const rows: ScaleRow[] = [];
  const cpuRows: ScaleRow[] = [];
  for (const kind of ["postgres", "pglite"] as const) {
    const figures = await ingestFigures(kind, members);
    const rate = (seconds: number) => figures.events / seconds;
    const botRate = rate(figures.bot.seconds);
    const botCpu = perThousand(figures.bot.cpuMs, figures.events);
    log(
      `  ${figures.engine}: bot ${botRate.toFixed(0)} events/s (${figures.bot.seconds.toFixed(2)} s, final state ${figures.bot.correct ? "correct" : "WRONG"}), ${botCpu.toFixed(1)} ms CPU per 1,000; ${figures.loops.map((loop) => `bare loop c=${loop.concurrency} ${rate(loop.seconds).toFixed(0)}/s${loop.correct ? "" : " (WRONG final state)"}`).join(", ")}`,
    );
    rows.push(ingestRow(figures, botRate, rate));
    cpuRows.push({
      figure: `CPU per 1,000 reaction events in the bot process, ${figures.engine === "Postgres" ? "Postgres (the database in its own process)" : "embedded database (PGlite in the bot's process)"}`,
      bot: `${botCpu.toFixed(0)} ms`,
      baseline: `bare discord.js client, same intents and events, no database: ${bareCpu.toFixed(0)} ms`,
      ratio: `${(botCpu / bareCpu).toFixed(1)} ×`,
    });
  }
  return [...rows, ...cpuRows];
}

function ingestRow(figures: IngestFigures, botRate: number, rate: (seconds: number) => number): ScaleRow {
  const scale = `${figures.members.toLocaleString("en")} members, ${figures.events.toLocaleString("en")} reaction adds and removes`;
  const loopRate = (concurrency: number) => {
    const loop = figures.loops.find((candidate) => candidate.concurrency === concurrency);
    return loop
      ? `${Math.round(rate(loop.seconds)).toLocaleString("en")}/s${loop.correct ? "" : " (final state wrong)"}`
      : "–";
  };
  const top = Math.max(...figures.loops.map((loop) => loop.concurrency));
  const bestLoop = figures.loops.find((loop) => loop.concurrency === top);
  const bot = `${Math.round(botRate).toLocaleString("en")} events/s (all written after ${figures.bot.seconds.toFixed(1)} s; final state ${figures.bot.correct ? "correct" : "wrong"})`;
  const ratio = bestLoop ? `${(botRate / rate(bestLoop.seconds)).toFixed(2)} × the bare loop` : "–";
  if (figures.engine === "Postgres")
    return {
      figure: `answers ingested through the real client (${scale}), Postgres`,
      bot,
      baseline: `bare postgres.js single-row upsert loop, same schema, pool of 8: ${loopRate(8)} at concurrency 8, ${loopRate(1)} at concurrency 1`,
      ratio: `${ratio} at concurrency 8`,
    };
  return {
    figure: `answers ingested through the real client (${scale}), embedded database (PGlite)`,
    bot,
    baseline: `bare PGlite single-row upsert loop, same schema: ${loopRate(1)}`,
    ratio,
  };
}

async function memoryRows(options: ScaleOptions): Promise<ScaleRow[]> {
  const database = await freshDatabase("postgres");
  await database.database.close();
  const url = database.url ?? "";
  const { guilds, membersPerGuild: members } = options;
  try {
    const connected = await connectedMemory(url, guilds, members, options);
    const idle = await idleMemory(url, options);
    const mid = (figure: MemoryFigure) => (figure.low + figure.high) / 2;
    const times = (bot: MemoryFigure, base: MemoryFigure) => `${(mid(bot) / mid(base)).toFixed(2)} ×`;
    const over = (bot: MemoryFigure, base: MemoryFigure) => `+${Math.round(mid(bot) - mid(base))} MB`;
    const size = `${guilds.toLocaleString("en")} guilds × ${members} members`;
    return [
      {
        figure: `RSS, ${size} connected, Postgres (every bot process, local Discord server)`,
        bot: range(connected.bot),
        baseline: `bare discord.js client, same intents, default caching: ${range(connected.bareDefault)} (minimal caching: ${range(connected.bareMinimal)})`,
        ratio: `${times(connected.bot, connected.bareDefault)} (goal ≤ 0.6 ×; minimal caching ${times(connected.bareMinimal, connected.bareDefault)})`,
      },
      {
        figure: "RSS idle, one guild, Postgres",
        bot: range(idle.botPostgres),
        baseline: `bare discord.js client: ${range(idle.bareClient)}`,
        ratio: times(idle.botPostgres, idle.bareClient),
      },
      {
        figure: "RSS idle, one guild, embedded database (opened again; new: see the bot column)",
        bot: `${range(idle.botEmbedded)} (new database: ${range(idle.botEmbeddedNew)})`,
        baseline: `bare PGlite process opening the same folder: ${range(idle.barePglite)}`,
        ratio: `${over(idle.botEmbedded, idle.barePglite)} over the floor (goal ≤ +100 MB)`,
      },
    ];
  } finally {
    await database.close().catch(() => {});
  }
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
}

export function scaleTable(rows: readonly ScaleRow[], on: string): string {
  return [
    "| figure | the bot | baseline | ratio | machine |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.figure} | ${row.bot} | ${row.baseline} | ${row.ratio} | ${on} |`),
  ].join("\n");
}
