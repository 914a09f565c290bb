import { StartupError, startBot } from "./app.js";
import { ConfigError, loadConfig, withPlaygroundOffer } from "./config.js";
import { databaseFailure, discordFailure, fail, innermostMessage } from "./failures.js";

/** `npm start`: reads the configuration, starts the bot, and stops it cleanly on SIGINT/SIGTERM. */

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
  if (!(error instanceof StartupError)) fail(`Start-up failed: ${innermostMessage(error)}`);
  fail(error.step === "database" ? databaseFailure(error.cause, config) : discordFailure(error.cause));
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
