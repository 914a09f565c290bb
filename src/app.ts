import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { type Client, Events, REST, Routes } from "discord.js";
import type { Config } from "./config.js";
import { type AppContext, type Clock, systemClock } from "./context.js";
import { type Database, openDatabase } from "./db/client.js";
import { applyMigrations } from "./db/migrate.js";
import { createDiscordClient, watchDiscord } from "./discord/client.js";
import type { Command, CommandContext } from "./discord/command.js";
import { commands } from "./discord/commands/index.js";
import { components } from "./discord/components/index.js";
import { dispatchInteraction } from "./discord/dispatch.js";
import { watchGuildDepartures } from "./discord/guild-departures.js";
import { LinkedRoles } from "./discord/linked-roles.js";
import { type QuizRuntime, startQuizRuntime } from "./discord/quiz-runtime.js";
import { registerCommands } from "./discord/register.js";
import { pictureProblem } from "./discord/render/check-pictures.js";
import { renderingProblems } from "./discord/render/check-rendering.js";
import { cancelDepartures } from "./guilds/departures.js";
import { type HealthServer, startHealthServer } from "./health.js";
import { createJobs } from "./jobs.js";
import { createLogger, type Logger } from "./log.js";
import { metrics } from "./metrics.js";
import {
  bankFingerprint,
  bankUnchanged,
  loadTracks,
  rememberBankSync,
} from "./questions/bank-fingerprint.js";
import { formatProblem, loadQuestionBank } from "./questions/load-bank.js";
import { syncQuestionBank } from "./questions/sync.js";
import { createScheduler, type Scheduler } from "./scheduler.js";
import type { ShardScope } from "./shards.js";
import { linkedRoleIds } from "./stats/groups.js";

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
  /** The daily question's runtime: answers on their way in, reconciliation. */
  quiz: QuizRuntime;
  database: Database;
  scheduler: Scheduler;
  /** Serving /healthz and /metrics, when HEALTH_PORT is set. */
  health: HealthServer | undefined;
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
  let health: HealthServer | undefined;
  try {
    const tracks = await syncQuestions(config.QUESTIONS_DIR, database, log);
    const pictures = await pictureProblem();
    if (pictures)
      log.error({ problem: pictures }, "cannot draw pictures: /stats and /renewal graph will fail");
    const shards = await step("discord", () => shardsToRun(config));
    const ctx: AppContext = {
      db: database.db,
      log,
      clock: options.clock ?? systemClock,
      tracks,
      shards: shards?.scope,
    };

    const linkedRoles = new LinkedRoles(await linkedRoleIds(database.db));
    client = createDiscordClient({
      apiUrl: config.DISCORD_API_URL,
      shards: shards?.client,
      linkedRoles,
      requestsPerSecond: config.DISCORD_REQUESTS_PER_SECOND,
    });
    const inFlight = trackInFlight();
    // Listeners go on before login: reactions can arrive right after READY.
    const quiz = startQuizRuntime(client, ctx, inFlight.run);
    const retention = watchGuildDepartures(client, ctx, config.GUILD_DATA_RETENTION_DAYS, inFlight.run);
    const botCommands = options.commands ?? commands;
    const commandCtx: CommandContext = { ...ctx, commands: botCommands, components, quiz, linkedRoles };
    client.on(Events.InteractionCreate, (interaction) => {
      const done = interaction.isChatInputCommand()
        ? metrics.commandDuration.startTimer({ command: interaction.commandName })
        : undefined;
      inFlight.run(dispatchInteraction(interaction, commandCtx).finally(() => done?.()));
    });
    client.on(Events.Error, (error) => log.error({ err: error }, "discord client error"));
    const unwatchDiscord = watchDiscord(client, log);
    if (config.HEALTH_PORT !== undefined) {
      const sources = { database, client, startedAt: new Date() };
      health = await startHealthServer(config.HEALTH_HOST, config.HEALTH_PORT, sources);
      log.info({ url: health.url }, "serving /healthz and /metrics");
    }

    const ready = once(client, Events.ClientReady);
    const loggingIn = client;
    await step("discord", () => loggingIn.login(config.DISCORD_TOKEN));
    await ready;
    const application = client.application;
    if (!application) throw new Error("Discord did not send the application with READY");
    log.info(
      {
        user: client.user?.tag,
        guilds: client.guilds.cache.size,
        shards: client.options.shards,
        shardCount: client.options.shardCount,
      },
      "connected to Discord",
    );

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
    // A server that removed the bot and added it back while the bot was down keeps its data.
    await cancelDepartures(ctx.db, [...client.guilds.cache.keys()]);
    const scheduler = createScheduler(createJobs(ctx, client, quiz, retention), ctx.clock, log);
    if (options.startTimer !== false) scheduler.start();
    log.info({ guilds: client.guilds.cache.size, tracks: [...tracks.keys()] }, "bot ready");

    const connected = client;
    return {
      ctx,
      client: connected,
      quiz,
      database,
      scheduler,
      health,
      async stop() {
        await scheduler.stop();
        await health?.close();
        await quiz.stop();
        await inFlight.settled();
        unwatchDiscord();
        await connected.destroy();
        if (ownsDatabase) await database.close();
        log.info("stopped");
      },
    };
  } catch (error) {
    await health?.close();
    await client?.destroy();
    if (ownsDatabase) await database.close();
    throw error;
  }
}

/**
 * Which shards this process connects, from SHARDS and SHARD_COUNT. Neither set: every shard Discord
 * recommends, in this process (discord.js asks /gateway/bot). SHARD_COUNT alone: that many, all here.
 * SHARDS: only those, of SHARD_COUNT or of Discord's recommendation; the process then works only for
 * the guilds of its shards (the scope).
 */
async function shardsToRun(
  config: Config,
): Promise<{ client: { ids: number[]; count: number }; scope: ShardScope | undefined } | undefined> {
  if (!config.SHARDS && !config.SHARD_COUNT) return undefined;
  const count = config.SHARD_COUNT ?? (await recommendedShardCount(config));
  const ids = config.SHARDS ?? Array.from({ length: count }, (_, id) => id);
  const outside = ids.filter((id) => id >= count);
  if (outside.length > 0)
    throw new Error(`SHARDS names shard ${outside.join(", ")}, but there are only ${count} (0–${count - 1})`);
  const all = ids.length === count;
  return { client: { ids, count }, scope: all ? undefined : { ids, count } };
}

async function recommendedShardCount(config: Config): Promise<number> {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return gateway.shards;
}

/** The code that loads and checks questions: a change in it re-checks an unchanged bank. */
const bankCodeFolders = ["./questions/", "./discord/render/"].map((folder) =>
  fileURLToPath(new URL(folder, import.meta.url)),
);

/**
 * Loads questions/ and upserts it; a bad file is logged and skipped, the rest still load. A bank whose
 * fingerprint matches the last clean sync is not loaded again: only its tracks are read.
 */
async function syncQuestions(folder: string, database: Database, log: Logger) {
  const fingerprint = await bankFingerprint(folder, bankCodeFolders);
  if (await bankUnchanged(database.db, folder, fingerprint)) {
    const tracks = await loadTracks(folder);
    if (tracks) {
      log.info({ unchanged: true, tracks: [...tracks.keys()] }, "question bank synced");
      return tracks;
    }
  }
  const bank = await loadQuestionBank(folder, renderingProblems);
  for (const problem of bank.problems) log.warn({ problem: formatProblem(problem) }, "question file skipped");
  const skipped = [...new Set(bank.problems.map((problem) => problem.file))];
  const result = await syncQuestionBank(database.db, bank.questions, skipped);
  // A bank with problems is checked again at every start, so its warnings are not forgotten.
  if (bank.problems.length === 0) await rememberBankSync(database.db, folder, fingerprint);
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
