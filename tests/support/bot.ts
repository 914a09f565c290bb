import { pino } from "pino";
import { type RunningBot, startBot } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import type { Clock } from "../../src/context.js";
import type { Database } from "../../src/db/client.js";
import type { Command } from "../../src/discord/command.js";
import { DiscordServer, type TestGuild } from "../../src/discord-server/index.js";
import type { Logger } from "../../src/log.js";
import { openTestDatabase } from "./db.js";

export const testToken = "test-bot-token";

/** A clock a test moves by hand. */
export class TestClock implements Clock {
  constructor(private current = new Date("2026-11-26T00:00:00Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestWorld {
  server: DiscordServer;
  guild: TestGuild;
  database: Database;
  clock: TestClock;
  bot: RunningBot;
  /**
   * Stops the bot (as a deploy would) and starts a new one on the same database and server; `whileDown`
   * runs in between, e.g. members reacting while no bot is connected.
   */
  restart(whileDown?: () => Promise<void>): Promise<RunningBot>;
  /** A second bot process on the same database and server (stopped by close()). */
  startAnother(): Promise<RunningBot>;
  close(): Promise<void>;
}

export interface TestWorldOptions {
  questionsDir?: string;
  clock?: TestClock;
  env?: Record<string, string>;
  /** The bot's logger (default: silent, or TEST_LOG_LEVEL). */
  log?: Logger;
  /** Commands to register instead of the bot's own (e.g. with a test-only command added). */
  commands?: readonly Command[];
}

/** The real bot with the project's configuration on a given server and database, for tests that build their own. */
export function startBotOn(server: DiscordServer, database: Database): Promise<RunningBot> {
  const config = parseConfig({
    DISCORD_TOKEN: testToken,
    DISCORD_API_URL: server.apiUrl,
    LOG_LEVEL: "silent",
  });
  return startBot(config, { database, startTimer: false, log: pino({ level: "silent" }) });
}

/**
 * The real bot, in-process, connected through the real discord.js client to the local Discord-compatible
 * server, on a fresh test database (PGlite, or Postgres when DATABASE_URL is set). Ticks are driven by the test.
 */
export async function startTestWorld(options: TestWorldOptions = {}): Promise<TestWorld> {
  const server = await DiscordServer.start({ token: testToken });
  const guild = server.createGuild({ name: "study-group" });
  const database = await openTestDatabase();
  const clock = options.clock ?? new TestClock();
  const config = parseConfig({
    DISCORD_TOKEN: testToken,
    DISCORD_API_URL: server.apiUrl,
    QUESTIONS_DIR: options.questionsDir ?? "questions",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const launch = () =>
    startBot(config, {
      clock,
      database,
      startTimer: false,
      ...(options.commands ? { commands: options.commands } : {}),
      log: options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    });
  const others: RunningBot[] = [];
  const world: TestWorld = {
    server,
    guild,
    database,
    clock,
    bot: await launch(),
    async restart(whileDown) {
      await world.bot.stop();
      await whileDown?.();
      world.bot = await launch();
      return world.bot;
    },
    async startAnother() {
      const another = await launch();
      others.push(another);
      return another;
    },
    async close() {
      for (const other of others) await other.stop();
      await world.bot.stop();
      await server.close();
      await database.close();
      // A route the local server does not know is a call Discord would refuse too: fail the file on it.
      if (server.unknownRoutes.length > 0)
        throw new Error(`unknown Discord routes: ${server.unknownRoutes.join(", ")}`);
    },
  };
  return world;
}
