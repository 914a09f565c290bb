import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { lockDataDir } from "./data-dir-lock.js";
import * as schema from "./schema.js";

/** One drizzle type for both drivers: the rest of the code never knows which one it has. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; without it the embedded PGlite database is used. */
  url?: string | undefined;
  /** Folder for PGlite's files; "memory://" keeps them in memory. */
  dataDir: string;
}

/**
 * Postgres connection limits. During an outage a query fails after `connectTimeoutSeconds` instead of
 * postgres.js's default 30 s, so a command can still tell the member within Discord's 3 s; the server
 * cancels any statement running longer than `statementTimeoutMs` (the slowest stats query at 1M answers
 * takes well under a second, docs/BENCHMARKS.md).
 */
export const postgresLimits = {
  poolSize: 10,
  connectTimeoutSeconds: 2,
  idleTimeoutSeconds: 60,
  statementTimeoutMs: 15_000,
  closeTimeoutSeconds: 5,
} as const;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, {
      max: postgresLimits.poolSize,
      connect_timeout: postgresLimits.connectTimeoutSeconds,
      idle_timeout: postgresLimits.idleTimeoutSeconds,
      connection: { statement_timeout: postgresLimits.statementTimeoutMs },
      onnotice: () => {},
    });
    return {
      db: drizzlePostgres({ client, schema }) as unknown as Db,
      kind: "postgres",
      // Waits for running queries, but not for ever: a shutdown during an outage must not hang.
      close: () => client.end({ timeout: postgresLimits.closeTimeoutSeconds }),
    };
  }
  if (options.dataDir === "memory://") return pgliteDatabase(await PGlite.create("memory://"));
  const folder = pgliteFolder(options.dataDir);
  const lock = lockDataDir(options.dataDir);
  try {
    const opened = pgliteDatabase(await PGlite.create(folder));
    return {
      ...opened,
      async close() {
        await opened.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an open PGlite (for example one loaded from a dump) as a Database. */
export function pgliteDatabase(client: PGlite): Database {
  return {
    db: drizzlePglite({ client, schema }) as unknown as Db,
    kind: "pglite",
    close: () => client.close(),
  };
}

function pgliteFolder(dataDir: string): string {
  const folder = join(dataDir, "pglite");
  mkdirSync(folder, { recursive: true });
  return folder;
}
