import postgres from "postgres";
import { type Database, openDatabase } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";

export interface BenchDatabase {
  kind: "postgres" | "pglite";
  database: Database;
  /** The postgres:// URL of the fresh database (Postgres only), for processes of their own. */
  url?: string;
  close(): Promise<void>;
}

/** The Postgres server the benchmarks make their databases on. */
export const postgresServerUrl = () =>
  process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A fresh, migrated database: a new one on the Postgres server (dropped on close), or PGlite in memory. */
export async function freshDatabase(kind: "postgres" | "pglite"): Promise<BenchDatabase> {
  if (kind === "pglite") {
    const database = await openDatabase({ dataDir: "memory://" });
    await applyMigrations(database);
    return { kind, database, close: () => database.close() };
  }
  const name = `bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(postgresServerUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: "unused" });
  await applyMigrations(database);
  return {
    kind,
    database,
    url: url.toString(),
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
