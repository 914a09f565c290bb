import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { queryRows } from "../../src/db/rows.js";
import { guildSettings } from "../../src/db/schema.js";
import { openTestDatabase } from "../support/db.js";

describe("migrations", () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it("create the embedded database on an empty DATA_DIR, and a second start applies nothing and loses nothing", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "certbot-data-"));
    folders.push(dataDir);

    const first = await openDatabase({ dataDir });
    await applyMigrations(first);
    await first.db.insert(guildSettings).values({ guildId: "100000000000000001", timeZone: "Asia/Tokyo" });
    const applied = await queryRows(
      first.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await first.close();

    const second = await openDatabase({ dataDir });
    await applyMigrations(second);
    const appliedAgain = await queryRows(
      second.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const rows = await second.db.select().from(guildSettings);
    await second.close();

    expect(appliedAgain).toEqual(applied);
    expect(rows).toEqual([
      expect.objectContaining({ guildId: "100000000000000001", timeZone: "Asia/Tokyo" }),
    ]);
  });

  it("give the test database every table of the schema", async () => {
    const database = await openTestDatabase();
    try {
      const rows = await queryRows<{ table_name: string }>(
        database.db,
        sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      const tables = rows.map((row) => row.table_name);
      expect(tables).toEqual(
        expect.arrayContaining([
          "quiz_channels",
          "postings",
          "answers",
          "questions",
          "member_certifications",
        ]),
      );
    } finally {
      await database.close();
    }
  });
});
