import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
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

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres({ client, schema }) as unknown as Db,
      kind: "postgres",
      close: () => client.end(),
    };
  }
  const location = options.dataDir === "memory://" ? "memory://" : pgliteFolder(options.dataDir);
  return pgliteDatabase(await PGlite.create(location));
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
