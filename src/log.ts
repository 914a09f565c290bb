import { createRequire } from "node:module";
import { pino } from "pino";
import { databaseFailureKind } from "./db/unavailable.js";
import { metrics } from "./metrics.js";

export type Logger = pino.Logger;

const warnLevel = 40;

/** Where log lines go; a terminal (`isTTY`) gets them pretty-printed. */
export type LogDestination = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * Structured logs: one JSON object a line, or pretty lines when writing to a terminal. Anything that
 * looks like a token is redacted wherever it appears in context. Every warning or error caused by the
 * database is counted in `certbot_database_errors_total`.
 */
export function createLogger(level: string, destination?: LogDestination): Logger {
  const terminal = destination ? destination.isTTY === true : process.stdout.isTTY === true;
  const stream =
    (terminal && prettyStream(destination ?? process.stdout)) || destination || pino.destination(1);
  return pino(
    {
      level,
      redact: { paths: ["token", "*.token", "config.DISCORD_TOKEN", "DISCORD_TOKEN"], censor: "[redacted]" },
      hooks: {
        logMethod(args, method, levelValue) {
          if (levelValue >= warnLevel) countDatabaseFailure(args[0]);
          method.apply(this, args);
        },
        streamWrite: lastValueWins,
      },
    },
    stream,
  );
}

function countDatabaseFailure(context: unknown) {
  const error = context instanceof Error ? context : (context as { err?: unknown } | undefined)?.err;
  const kind = error === undefined ? undefined : databaseFailureKind(error);
  if (kind) metrics.databaseError.labels(kind).inc();
}

/**
 * pino writes a child's bindings and the call's context one after another, so a key given twice
 * (a command's `channelId`, then the quiz channel's) appears twice in one line and log tools keep either.
 * Re-serialising keeps one: the last, which is the most specific.
 */
function lastValueWins(line: string): string {
  try {
    return `${JSON.stringify(JSON.parse(line))}\n`;
  } catch {
    return line;
  }
}

/** pino-pretty is a development dependency: without it (a production install) lines stay JSON. */
function prettyStream(destination: LogDestination): LogDestination | undefined {
  try {
    const pretty = createRequire(import.meta.url)("pino-pretty") as (options: object) => LogDestination;
    return pretty({ destination, sync: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" });
  } catch {
    return undefined;
  }
}
