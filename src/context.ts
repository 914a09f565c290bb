import type { Db } from "./db/client.js";
import type { Logger } from "./log.js";
import type { Track } from "./questions/track.js";
import type { ShardScope } from "./shards.js";

/** Where "now" comes from: tests move it; the bot uses the system clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * What the core and the command handlers are given; nothing reaches for globals. The configuration is
 * not in it: start-up (src/app.ts) reads it and hands each part only the settings it needs.
 */
export interface AppContext {
  db: Db;
  log: Logger;
  clock: Clock;
  /** Exam tracks from questions/<EXAM>/track.yaml, by exam code. */
  tracks: ReadonlyMap<string, Track>;
  /** The Discord shards this process runs; absent when it runs all of them. */
  shards?: ShardScope | undefined;
}
