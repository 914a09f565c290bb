// npm run bench: seeds one server with 100,000 members and ~1,000,000 answers over two years (plus
// 1,000 small servers), then times the stats queries on Postgres and on PGlite next to a naive GROUP BY
// over the raw answers. Postgres: DATABASE_URL, or postgres://postgres@127.0.0.1:5432/postgres; a fresh
// database is created and dropped afterwards. `--only postgres|pglite` runs one of them. It then times
// practice and mock clicks with 100 members clicking at once (bench/practice.ts) on both engines, and the
// scale rows (bench/scale-rows.ts), written into docs/BENCHMARKS.md by the full run only.
// `--suite stats|practice|burst|scale` runs one suite; `--row wave|startup|ingest|memory [--channels N] [--members N] [--guilds N --members-per-guild N]` one scale row alone.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { parse } from "yaml";
import { type Database, openDatabase } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";
import { queryRows } from "../src/db/rows.js";
import { type Track, trackSchema } from "../src/questions/track.js";
import { groupStandings } from "../src/stats/group-standings.js";
import { leaderboard } from "../src/stats/leaderboard.js";
import { memberStatsFor } from "../src/stats/member-stats.js";
import { currentPeriod } from "../src/stats/zone.js";
import { type BurstRow, burstOn, burstTable } from "./burst.js";
import { measure, pickMember, type Timing } from "./measure.js";
import { naiveGroupStandings, naiveLeaderboardAll, naiveLeaderboardWeek, naiveMemberStats } from "./naive.js";
import { benchPracticeClicks, type ClickRow, countingDatabase, practiceScale } from "./practice.js";
import { runRowsFromArguments } from "./scale.js";
import { fullScale, machine, runScaleRow, type ScaleRow, scaleRowNames, scaleTable } from "./scale-rows.js";
import { benchRoleHolders, mainUser, scale, seedStatements } from "./seed.js";

const now = new Date("2026-11-25T12:00:00Z");
const tracks: ReadonlyMap<string, Track> = new Map(
  ["AIP-C01", "AIF-C01"].map((exam) => [
    exam,
    trackSchema.parse(parse(readFileSync(`questions/${exam}/track.yaml`, "utf8"))),
  ]),
);

interface Row {
  query: string;
  fast: Timing;
  naive: Timing;
}

async function seed(database: Database): Promise<void> {
  for (const step of seedStatements) {
    const started = performance.now();
    for (const statement of step.sql.split(/;\s*\n/).map((part) => part.trim().replace(/;$/, ""))) {
      if (statement) await database.db.execute(sql.raw(statement));
    }
    log(`  seeded ${step.label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await database.db.execute(sql.raw("vacuum analyze"));
  const [counts] = await queryRows(
    database.db,
    sql.raw(`select (select count(*) from answers) as answers,
      (select count(*) from answers a join postings p on p.id = a.posting_id where p.quiz_channel_id <= 2) as big_server_answers,
      (select count(*) from member_stats) as member_stats, (select count(*) from period_scores) as period_scores`),
  );
  log(`  rows: ${JSON.stringify(counts)}`);
}

async function benchmark(database: Database, runs: number, naiveRuns: number): Promise<Row[]> {
  const { db } = database;
  const guild = scale.mainGuild;
  const zone = scale.timeZone;
  const caller = (run: number) => mainUser(pickMember(run, scale.members));
  const week = currentPeriod("week", now, zone);
  const base = { now, timeZone: zone };
  const timed = async (
    query: string,
    fast: (run: number) => Promise<unknown>,
    naive: (run: number) => Promise<unknown>,
  ) => {
    const row = { query, fast: await measure(runs, fast), naive: await measure(naiveRuns, naive, 1) };
    log(
      `  ${query}: p50 ${row.fast.p50.toFixed(2)} ms, p95 ${row.fast.p95.toFixed(2)} ms; naive p50 ${row.naive.p50.toFixed(1)} ms`,
    );
    return row;
  };
  return [
    await timed(
      "/leaderboard period:all",
      (run) => leaderboard(db, guild, "all", { ...base, callerId: caller(run) }),
      () => naiveLeaderboardAll(db, guild),
    ),
    await timed(
      "/leaderboard period:week",
      (run) => leaderboard(db, guild, "week", { ...base, callerId: caller(run) }),
      () => naiveLeaderboardWeek(db, guild, week),
    ),
    await timed(
      "/stats",
      (run) => memberStatsFor(db, guild, caller(run), tracks),
      (run) => naiveMemberStats(db, guild, caller(run)),
    ),
    await timed(
      "/group standings period:all",
      () => groupStandings(db, guild, "all", { ...base, roleHolders: benchRoleHolders }),
      () => naiveGroupStandings(db, guild),
    ),
    await timed(
      "/group standings period:week",
      () => groupStandings(db, guild, "week", { ...base, roleHolders: benchRoleHolders }),
      () => naiveGroupStandings(db, guild),
    ),
  ];
}

/** Runs `work` on a fresh database of the Postgres server (DATABASE_URL or the local one), dropped after. */
async function withFreshPostgres<T>(
  prefix: string,
  work: (url: string, version: string) => Promise<T>,
): Promise<T> {
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `${prefix}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const [{ version } = { version: "?" }] = await admin<{ version: string }[]>`select version()`;
    return await work(url.toString(), `${version.split(" on ")[0]}, database ${name}`);
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function onPostgres(runs: number): Promise<Row[]> {
  return withFreshPostgres("bench", async (url, version) => {
    const database = await openDatabase({ url, dataDir: "unused" });
    try {
      log(`Postgres (${version})`);
      await applyMigrations(database);
      await seed(database);
      return await benchmark(database, runs, 10);
    } finally {
      await database.close();
    }
  });
}

async function onPglite(runs: number): Promise<Row[]> {
  const database = await openDatabase({ dataDir: "memory://" });
  try {
    log("PGlite (in memory)");
    await applyMigrations(database);
    await seed(database);
    return await benchmark(database, runs, 3);
  } finally {
    await database.close();
  }
}

/** Practice and mock clicks on a fresh database of each engine (Postgres: created and dropped here). */
async function practiceOn(engine: "postgres" | "pglite"): Promise<ClickRow[]> {
  if (engine === "pglite") {
    log("PGlite (in memory): practice and mock clicks");
    const { database, counter } = await countingDatabase("pglite");
    try {
      return await benchPracticeClicks(database, counter);
    } finally {
      await database.close();
    }
  }
  return withFreshPostgres("bench_practice", async (url, version) => {
    const { database, counter } = await countingDatabase("postgres", url);
    try {
      log(`Postgres (${version}): practice and mock clicks`);
      return await benchPracticeClicks(database, counter);
    } finally {
      await database.close();
    }
  });
}

function clickTable(results: { engine: string; rows: ClickRow[] }[]): string {
  const lines = [
    `| engine | click | queries per click | one member alone, p50 ms | ${practiceScale.members} at once: clicks | p50 ms | p95 ms |`,
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { engine, rows } of results)
    for (const { click, timing, queries, aloneMs } of rows)
      lines.push(
        `| ${engine} | ${click} | ${queries} | ${aloneMs.toFixed(1)} | ${timing.runs} | ${timing.p50.toFixed(1)} | ${timing.p95.toFixed(1)} |`,
      );
  return lines.join("\n");
}

function table(results: { engine: string; rows: Row[] }[]): string {
  const lines = [
    "| engine | query | p50 ms | p95 ms | naive GROUP BY p50 ms | naive p95 ms | naive / p50 |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const { engine, rows } of results) {
    for (const { query, fast, naive } of rows) {
      lines.push(
        `| ${engine} | \`${query}\` | ${fast.p50.toFixed(2)} | ${fast.p95.toFixed(2)} | ${naive.p50.toFixed(1)} | ${naive.p95.toFixed(1)} | ${(naive.p50 / fast.p50).toFixed(0)}× |`,
      );
    }
  }
  return lines.join("\n");
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
  const started = performance.now();
  log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
  );
  const suite = process.argv.includes("--suite")
    ? process.argv[process.argv.indexOf("--suite") + 1]
    : undefined;
  if (suite === undefined || suite === "stats") {
    const results: { engine: string; rows: Row[] }[] = [];
    if (only !== "pglite") results.push({ engine: "Postgres", rows: await onPostgres(200) });
    if (only !== "postgres") results.push({ engine: "PGlite", rows: await onPglite(50) });
    log(`\n${table(results)}\n`);
  }
  if (suite === undefined || suite === "practice") {
    const clicks: { engine: string; rows: ClickRow[] }[] = [];
    if (only !== "pglite") clicks.push({ engine: "Postgres", rows: await practiceOn("postgres") });
    if (only !== "postgres") clicks.push({ engine: "PGlite", rows: await practiceOn("pglite") });
    log(`\n${clickTable(clicks)}\n`);
  }
  if (suite === undefined || suite === "burst") {
    const bursts: BurstRow[] = [];
    if (only !== "postgres") bursts.push(await burstOn("pglite"));
    if (only !== "pglite") bursts.push(await burstOn("postgres"));
    log(`\n${burstTable(bursts)}\n`);
  }
  if ((suite === undefined || suite === "scale") && !only) {
    const rows: ScaleRow[] = [];
    for (const name of scaleRowNames) {
      log(`scale row: ${name}`);
      rows.push(...(await runScaleRow(name, { ...fullScale, log })));
    }
    const scale = scaleTable(rows, machine());
    log(`\n${scale}\n`);
    writeScaleTable(scale);
  }
  log(`Total time ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const scaleStart = "<!-- scale rows: written by the full `npm run bench` -->";
const scaleEnd = "<!-- end of scale rows -->";

/** Replaces the scale table in docs/BENCHMARKS.md (between its markers) with this run's. */
function writeScaleTable(scale: string): void {
  const file = "docs/BENCHMARKS.md";
  const text = readFileSync(file, "utf8");
  const from = text.indexOf(scaleStart);
  const to = text.indexOf(scaleEnd);
  if (from < 0 || to < from) throw new Error(`${file} has no scale-row markers`);
  writeFileSync(file, `${text.slice(0, from + scaleStart.length)}\n${scale}\n${text.slice(to)}`);
}

if (process.argv.includes("--row")) await runRowsFromArguments(process.argv);
else await main();
