import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "../../src/db/migrate.js";
import { childEnv } from "../support/child-bot.js";

const run = promisify(execFile);

/** `npm run db:migrate` as its own process; resolves with its exit code and output. */
async function migrate(url: string) {
  try {
    await run(process.execPath, ["--import", "tsx", "src/db/migrate-cli.ts"], {
      env: childEnv({ DATABASE_URL: url, LOG_LEVEL: "silent" }),
      timeout: 120_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
}

describe("db:migrate", () => {
  it("succeeds in three processes started at once on a fresh Postgres database, applying the schema once", {
    timeout: 180_000,
  }, async (ctx) => {
    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl)
      ctx.skip("needs DATABASE_URL: the embedded database admits one process (its DATA_DIR lock)");
    const name = `migrate_${Date.now()}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl as string);
    url.pathname = `/${name}`;
    const database = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const runs = await Promise.all([1, 2, 3].map(() => migrate(url.toString())));
      expect(runs).toEqual([1, 2, 3].map(() => ({ code: 0, stderr: "" })));

      const journal = JSON.parse(await readFile(join(migrationsFolder, "meta/_journal.json"), "utf8"));
      const applied = await database`select hash from drizzle.__drizzle_migrations`;
      expect(applied).toHaveLength(journal.entries.length);
      const tables = await database`select 1 from information_schema.tables where table_name = 'postings'`;
      expect(tables).toHaveLength(1);
    } finally {
      await database.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
