import { DiscordjsErrorCodes } from "discord.js";
import { StartupError, startBot } from "./app.js";
import { ConfigError, loadConfig, withPlaygroundOffer } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";

/** `npm start`: reads the configuration, starts the bot, and stops it cleanly on SIGINT/SIGTERM. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(withPlaygroundOffer(error));
  throw error;
}

try {
  const bot = await startBot(config);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    bot.ctx.log.info({ signal }, "shutting down");
    await bot.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  stopWhenOrphaned(() => void shutdown("parent exited"));
} catch (error) {
  fail(startupFailure(error));
}

/**
 * `npm start` runs the bot under a shell that does not pass signals on: stopping npm ends the shell and
 * leaves this process with a new parent. That is a stop too, so the bot never runs on unseen.
 */
function stopWhenOrphaned(stop: () => void): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500).unref();
}

/** One line a person can act on for the failures an operator causes. */
function startupFailure(error: unknown): string {
  if (!(error instanceof StartupError))
    return `Start-up failed: ${error instanceof Error ? error.message : String(error)}`;
  const cause = error.cause as { code?: unknown } | undefined;
  const detail = innermostMessage(error.cause);
  if (error.cause instanceof DataDirLockedError) return error.cause.message;
  if (error.step === "database") {
    return `Cannot open the database (${detail}): check that Postgres is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database in DATA_DIR.`;
  }
  if (cause?.code === DiscordjsErrorCodes.TokenInvalid || cause?.code === 4004) {
    return "Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token).";
  }
  return `Cannot connect to Discord (${detail}): check the network, DISCORD_API_URL if you set it, and DISCORD_TOKEN.`;
}

/** Drivers wrap the error that explains the problem (ECONNREFUSED, a bad password) in their own. */
function innermostMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message || current.name : String(current);
  return message.replace(/\s+/g, " ").trim();
}
