// `npm run bench -- --suite burst`: 2,000 members react to the open question within about a second while
// ten members run a slash command that reads the database, through the real discord.js client and the
// local Discord-compatible server, on each database. Reports how many commands were answered within 3 s
// (Discord's deadline) and whether every answer was recorded as the members left it.
import { performance } from "node:perf_hooks";
import { PermissionFlagsBits } from "discord.js";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { startBot } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { answers, postings } from "../src/db/schema.js";
import { DiscordServer } from "../src/discord-server/index.js";
import { freshDatabase } from "./databases.js";
import { postOpenQuestion } from "./open-question.js";

export interface BurstRow {
  engine: string;
  reactions: number;
  answeredWithin3s: number;
  commands: number;
  slowestCommandMs: number;
  recorded: number;
  correctFinalState: boolean;
  writtenAfterMs: number;
}

const members = 2_000;
const commandCount = 10;
const letters = ["🇦", "🇧", "🇨", "🇩"];

export async function burstOn(kind: "postgres" | "pglite"): Promise<BurstRow> {
  const token = "bench-token";
  const server = await DiscordServer.start({ token });
  const guild = server.createGuild({ name: "burst" });
  const bench = await freshDatabase(kind);
  const config = parseConfig({
    DISCORD_TOKEN: token,
    DISCORD_API_URL: server.apiUrl,
    QUESTIONS_DIR: "tests/fixtures/quiz-bank",
    LOG_LEVEL: "silent",
    ENV_FILE: "none",
  });
  const bot = await startBot(config, {
    database: bench.database,
    startTimer: false,
    log: pino({ level: "silent" }),
  });
  try {
    const admin = guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
    const channelId = guild.createTextChannel({ name: "daily" }).id;
    const question = await postOpenQuestion(server, admin, guild.id, channelId);
    const crowd = Array.from({ length: members }, (_, n) => guild.addMember({ username: `m${n}` }));
    const askers = crowd.slice(0, commandCount);

    const started = performance.now();
    const final = new Map<string, string>();
    // Members click over about a second, in waves of 100, while ten of them run /leaderboard.
    const commandTimes = askers.map(async (member, n) => {
      await new Promise((r) => setTimeout(r, n * 90));
      const sent = performance.now();
      await member.runCommand(guild.id, channelId, "leaderboard", {}, { timeoutMs: 60_000 });
      return performance.now() - sent;
    });
    for (let wave = 0; wave < members / 100; wave += 1) {
      for (const [n, member] of crowd.slice(wave * 100, wave * 100 + 100).entries()) {
        const letter = letters[(wave + n) % 4] ?? "🇦";
        await member.react(channelId, question.id, letter);
        final.set(member.id, "ABCD"[(wave + n) % 4] ?? "A");
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const times = await Promise.all(commandTimes);
    const [posting] = await bench.database.db
      .select()
      .from(postings)
      .where(eq(postings.messageId, question.id));
    const stored = async () =>
      bench.database.db
        .select()
        .from(answers)
        .where(eq(answers.postingId, posting?.id ?? 0));
    let rows = await stored();
    while (rows.length < members && performance.now() - started < 120_000) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await stored();
    }
    const writtenAfterMs = performance.now() - started;
    return {
      engine: kind === "postgres" ? "Postgres" : "PGlite",
      reactions: members,
      answeredWithin3s: times.filter((ms) => ms < 3_000).length,
      commands: commandCount,
      slowestCommandMs: Math.max(...times),
      recorded: rows.length,
      correctFinalState:
        rows.length === members && rows.every((row) => row.choices === final.get(row.userId)),
      writtenAfterMs,
    };
  } finally {
    await bot.stop();
    await server.close();
    await bench.close();
  }
}

export function burstTable(rows: readonly BurstRow[]): string {
  const lines = [
    "| database | reactions | commands answered within 3 s | slowest command | answers recorded | final state correct | all written after |",
    "|---|---:|---:|---:|---:|---|---:|",
    ...rows.map(
      (row) =>
        `| ${row.engine} | ${row.reactions} | ${row.answeredWithin3s} of ${row.commands} | ${(row.slowestCommandMs / 1000).toFixed(2)} s | ${row.recorded} | ${row.correctFinalState ? "yes" : "no"} | ${(row.writtenAfterMs / 1000).toFixed(1)} s |`,
    ),
  ];
  return lines.join("\n");
}
