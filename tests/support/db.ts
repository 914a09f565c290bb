import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { type Database, openDatabase, pgliteDatabase } from "../../src/db/client.js";
import { applyMigrations } from "../../src/db/migrate.js";

/**
 * A fresh, migrated database for one test file: a new database on the real Postgres when
 * DATABASE_URL is set (dropped again on close), otherwise an in-memory PGlite.
 */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = new Blob([await readFile(inject("pgliteTemplate"))]);
    return pgliteDatabase(await PGlite.create({ loadDataDir: template }));
  }
  const name = `test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: "unused" });
  await applyMigrations(database);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
