import { fileURLToPath } from "node:url";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { Sql } from "postgres";
import type { Database } from "./client.js";

export const migrationsFolder = fileURLToPath(new URL("../../migrations", import.meta.url));

/** Any fixed number: every process that migrates the same database waits on this advisory lock. */
const migrationLock = 4_242_001;

/**
 * Applies every migration not yet applied; a second run applies nothing. On Postgres several processes
 * may start at once: each first waits for a session advisory lock held on a connection of its own, so
 * one migrates and the others then find nothing left to do. (The embedded database admits one process
 * already: the DATA_DIR lock.) Migrations run under the pool's statement timeout; one that needs longer
 * (an index on a large table) starts with `SET LOCAL statement_timeout = 0;`.
 */
export async function applyMigrations(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const lockSession = await (database.db as unknown as { $client: Sql }).$client.reserve();
  try {
    await lockSession`select pg_advisory_lock(${migrationLock})`;
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  } finally {
    // A session that died has lost its lock already; otherwise unlock before it goes back to the pool.
    await lockSession`select pg_advisory_unlock(${migrationLock})`.catch(() => {});
    lockSession.release();
  }
}
