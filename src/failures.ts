// One line a person can act on, for the failures an operator causes, shared by `npm start`,
// `npm run db:migrate` and `npm run deploy:commands`. The stack trace stays out of it.
import { DiscordjsErrorCodes } from "discord.js";
import { ConfigError } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Drivers wrap the error that explains the problem (ECONNREFUSED, a bad password) in their own. */
export function innermostMessage(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  const message = current instanceof Error ? current.message || current.name : String(current);
  return message.replace(/\s+/g, " ").trim();
}

/** Blames Postgres only when Postgres is in use; otherwise names DATA_DIR and the folder. */
export function databaseFailure(
  error: unknown,
  config: { DATABASE_URL?: string | undefined; DATA_DIR: string },
) {
  if (error instanceof DataDirLockedError) return error.message;
  const detail = innermostMessage(error);
  if (config.DATABASE_URL) {
    return `Cannot open the database (${detail}): check that Postgres is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database in DATA_DIR.`;
  }
  return `Cannot open the embedded database in DATA_DIR=${config.DATA_DIR} (${detail}): set DATA_DIR to a folder this user can create and write, and make sure no other bot process uses it.`;
}

export function discordFailure(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const status = (error as { status?: unknown } | undefined)?.status;
  if (code === DiscordjsErrorCodes.TokenInvalid || code === 4004 || status === 401) {
    return "Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token).";
  }
  return `Cannot connect to Discord (${innermostMessage(error)}): check the network, DISCORD_API_URL if you set it, and DISCORD_TOKEN.`;
}

/** Runs a command-line tool's work; a failure ends the process with one line instead of a stack trace. */
export async function runTool(
  work: () => Promise<void>,
  describe: (error: unknown) => string,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : describe(error));
  }
}
