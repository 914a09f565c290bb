import { once } from "node:events";
import { type Client, Events } from "discord.js";
import type { Config } from "./config.js";
import { type AppContext, type Clock, systemClock } from "./context.js";
import { type Database, openDatabase } from "./db/client.js";
import { applyMigrations } from "./db/migrate.js";
import { createDiscordClient } from "./discord/client.js";
import type { Command, CommandContext } from "./discord/command.js";
import { commands } from "./discord/commands/index.js";
import { dispatchInteraction } from "./discord/dispatch.js";
import { startQuizRuntime } from "./discord/quiz-runtime.js";
import { registerCommands } from "./discord/register.js";
import { pictureProblem } from "./discord/render/check-pictures.js";
import { renderingProblems } from "./discord/render/check-rendering.js";
import { createJobs } from "./jobs.js";
import { createLogger, type Logger } from "./log.js";
import { formatProblem, loadQuestionBank } from "./questions/load-bank.js";
import { syncQuestionBank } from "./questions/sync.js";
import { createScheduler, type Scheduler } from "./scheduler.js";

export interface BotOptions {
  clock?: Clock;
  log?: Logger;
  /** Start the minute timer (tests drive ticks themselves). */
  startTimer?: boolean;
  /** An already open database (tests); the bot then leaves closing it to the caller. */
  database?: Database;
  /** The slash commands to register and answer (tests add their own); default: every command. */
  commands?: readonly Command[];
}

/** Which step of start-up failed, so the operator is told what to fix. */
export class StartupError extends Error {
  override name = "StartupError";
  constructor(
    readonly step: "database" | "discord",
    override readonly cause: unknown,
  ) {
    super(`${step} start-up failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export interface RunningBot {
  ctx: AppContext;
  client: Client;
  database: Database;
  scheduler: Scheduler;
  stop(): Promise<void>;
}

/** Start-up in order: database and migrations → Discord client → commands → scheduler. */
export async function startBot(config: Config, options: BotOptions = {}): Promise<RunningBot> {
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const ownsDatabase = !options.database;
  const database = await step("database", async () => {
    const opened =
      options.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR }));
    await applyMigrations(opened).catch(async (error) => {
      if (ownsDatabase) await opened.close();
      throw error;
    });
    return opened;
  });
  log.info({ database: database.kind }, "database ready");
  let client: Client | undefined;
  try {
    const tracks = await syncQuestions(config.QUESTIONS_DIR, database, log);
    const pictures = await pictureProblem();
    if (pictures)
      log.error({ problem: pictures }, "cannot draw pictures: /stats and /renewal graph will fail");
    const ctx: AppContext = { config, db: database.db, log, clock: options.clock ?? systemClock, tracks };

    client = createDiscordClient({ apiUrl: config.DISCORD_API_URL });
    const inFlight = trackInFlight();
    // Listeners go on before login: reactions can arrive right after READY.
    const quiz = startQuizRuntime(client, ctx, inFlight.run);
    const botCommands = options.commands ?? commands;
    const commandCtx: CommandContext = { ...ctx, commands: botCommands, quiz };
    client.on(Events.InteractionCreate, (interaction) =>
      inFlight.run(dispatchInteraction(interaction, commandCtx)),
    );
    client.on(Events.Error, (error) => log.error({ err: error }, "discord client error"));
    client.on(Events.ShardDisconnect, (event) => log.warn({ code: event.code }, "gateway disconnected"));

    const ready = once(client, Events.ClientReady);
    const loggingIn = client;
    await step("discord", () => loggingIn.login(config.DISCORD_TOKEN));
    await ready;
    const application = client.application;
    if (!application) throw new Error("Discord did not send the application with READY");
    log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "connected to Discord");

    if (config.REGISTER_COMMANDS) {
      const count = await registerCommands(
        client.rest,
        application.id,
        botCommands,
        config.DISCORD_DEV_GUILD_ID,
        client.guilds.cache.keys(),
      );
      log.info({ count, guildId: config.DISCORD_DEV_GUILD_ID ?? "global" }, "slash commands registered");
    }

    await quiz.reconcile();
    const scheduler = createScheduler(createJobs(ctx, client, quiz), ctx.clock, log);
    if (options.startTimer !== false) scheduler.start();
    log.info({ guilds: client.guilds.cache.size, tracks: [...tracks.keys()] }, "bot ready");

    const connected = client;
    return {
      ctx,
      client: connected,
      database,
      scheduler,
      async stop() {
        await scheduler.stop();
        await quiz.stop();
        await inFlight.settled();
        await connected.destroy();
        if (ownsDatabase) await database.close();
        log.info("stopped");
      },
    };
  } catch (error) {
    await client?.destroy();
    if (ownsDatabase) await database.close();
    throw error;
  }
}

/** Loads questions/ and upserts it; a bad file is logged and skipped, the rest still load. */
async function syncQuestions(folder: string, database: Database, log: Logger) {
  const bank = await loadQuestionBank(folder, renderingProblems);
  for (const problem of bank.problems) log.warn({ problem: formatProblem(problem) }, "question file skipped");
  const skipped = [...new Set(bank.problems.map((problem) => problem.file))];
  const result = await syncQuestionBank(database.db, bank.questions, skipped);
  log.info(
    { ...result, tracks: [...bank.tracks.keys()], skippedFiles: skipped.length },
    "question bank synced",
  );
  return bank.tracks;
}

async function step<T>(name: StartupError["step"], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StartupError(name, error);
  }
}

/** Remembers work still running so that shutdown can wait for it. */
function trackInFlight() {
  const pending = new Set<Promise<unknown>>();
  return {
    run(work: Promise<unknown>) {
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
    async settled() {
      await Promise.allSettled([...pending]);
    },
  };
}
