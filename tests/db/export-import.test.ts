import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Db, openDatabase } from "../../src/db/client.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { queryRows } from "../../src/db/rows.js";
import {
  certificationReminders,
  certificationShares,
  channelStreaks,
  guildDepartures,
  guildSettings,
  memberCertifications,
  memberSettings,
  questionBankSyncs,
  questionReports,
  quizChannels,
  studyItems,
  studySessions,
} from "../../src/db/schema.js";
import {
  exportDatabase,
  ImportError,
  importDatabase,
  tablesInDependencyOrder,
} from "../../src/db/transfer.js";
import {
  freshId,
  seedClosedPosting,
  seedDomainStats,
  seedGroup,
  seedMemberStats,
  seedPeriodScores,
  seedQuestion,
  seedQuizChannel,
} from "../stats/seed.js";
import { openTestDatabase } from "../support/db.js";

/** A server with a quiz channel, closed questions, answers, every aggregate, a group and a member's certifications. */
async function seedEveryTable(db: Db) {
  const guildId = freshId();
  const [alice, bob] = [freshId(), freshId()];
  await db.insert(guildSettings).values({ guildId, timeZone: "Asia/Tokyo", reminderChannelId: freshId() });
  const channel = await seedQuizChannel(db, guildId, "AIP-C01", "Asia/Tokyo");
  await seedQuestion(db, "q-one");
  await seedQuestion(db, "q-two");
  await seedClosedPosting(db, channel.id, "2026-11-20", "2026-11-21T00:00:00Z", "q-one", {
    [alice]: "A",
    [bob]: "B",
  });
  await seedClosedPosting(db, channel.id, "2026-11-21", "2026-11-22T00:00:00Z", "q-two", {
    [alice]: "A",
    [bob]: "",
  });
  await seedMemberStats(db, guildId, {
    [alice]: { points: 2, streak: 2 },
    [bob]: { points: 0, answered: 1 },
  });
  await seedPeriodScores(db, guildId, "week", "2026-11-16", { [alice]: 2, [bob]: 0 });
  await seedDomainStats(db, guildId, alice, "AIP-C01", { 1: [2, 2] });
  await db.insert(channelStreaks).values({ quizChannelId: channel.id, userId: alice, current: 2, best: 2 });
  await seedGroup(db, guildId, "Night owls", [alice, bob]);
  await db.insert(memberCertifications).values({
    userId: alice,
    certCode: "AIP-C01",
    earnedOn: "2026-03-01",
    expiresOn: "2029-03-01",
  });
  await db
    .insert(memberSettings)
    .values({ userId: alice, remindersEnabled: false, reminderGuildId: guildId });
  await db.insert(certificationReminders).values({
    userId: alice,
    certCode: "AIP-C01",
    expiresOn: "2029-03-01",
    daysBefore: 90,
    sentAt: new Date("2028-12-01T09:00:00.123Z"),
  });
  await db
    .insert(questionReports)
    .values({ guildId, questionId: "q-one", userId: bob, reason: "B is also right" });
  await db.insert(certificationShares).values({ userId: alice, guildId });
  const [session] = await db
    .insert(studySessions)
    .values({
      guildId,
      userId: bob,
      kind: "mock",
      exam: "AIP-C01",
      size: 10,
      viewedSince: new Date("2026-11-25T10:00:00Z"),
      startedAt: new Date("2026-11-25T10:00:00Z"),
      deadline: new Date("2026-11-25T10:24:00Z"),
    })
    .returning();
  await db.insert(studyItems).values({
    sessionId: session?.id ?? 0,
    position: 1,
    questionId: "q-one",
    questionRevision: 1,
    domain: 1,
    answerSize: 1,
    choices: "A",
  });
  await db.insert(questionBankSyncs).values({ folder: "questions", fingerprint: "abc" });
  await db.insert(guildDepartures).values({
    guildId: freshId(),
    leftAt: new Date("2026-11-25T10:00:00Z"),
    purgeAfter: new Date("2026-12-25T10:00:00Z"),
  });
}

/** Every table's rows as JSON text, sorted: equal dumps mean equal contents. */
async function dump(db: Db): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {};
  for (const table of tablesInDependencyOrder()) {
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select row_to_json(t)::text as row from ${sql.identifier(table)} t`,
    );
    tables[table] = rows.map(({ row }) => row).sort();
  }
  return tables;
}

async function exportLines(db: Db): Promise<string[]> {
  const lines: string[] = [];
  await exportDatabase(db, async (line) => {
    lines.push(line);
  });
  return lines;
}

async function* each(lines: string[]) {
  yield* lines;
}

async function openEmbedded(): Promise<Database> {
  const database = await openDatabase({ dataDir: "memory://" });
  await applyMigrations(database);
  return database;
}

describe("db:export and db:import", { timeout: 120_000 }, () => {
  const opened: Database[] = [];
  let source: Database;

  beforeAll(async () => {
    source = await openTestDatabase();
    opened.push(source);
    await seedEveryTable(source.db);
  });
  afterAll(async () => {
    for (const database of opened) await database.close();
  });

  it("move every row of every table to the embedded database and back, with sequences past the imported ids", async () => {
    const original = await dump(source.db);
    for (const [table, rows] of Object.entries(original))
      expect(rows.length, `seeded rows in ${table}`).toBeGreaterThan(0);

    const embedded = await openEmbedded();
    opened.push(embedded);
    await importDatabase(embedded.db, each(await exportLines(source.db)));
    expect(await dump(embedded.db)).toEqual(original);

    // Back to the kind of database the test runs on (Postgres when DATABASE_URL is set).
    const back = await openTestDatabase();
    opened.push(back);
    await importDatabase(back.db, each(await exportLines(embedded.db)));
    expect(await dump(back.db)).toEqual(original);

    const [largest] = await queryRows<{ id: number }>(back.db, sql`select max(id) as id from quiz_channels`);
    const [added] = await back.db
      .insert(quizChannels)
      .values({
        guildId: freshId(),
        channelId: freshId(),
        exam: "AIP-C01",
        postTime: "09:00",
        timeZone: "UTC",
      })
      .returning();
    expect(added?.id).toBe(Number(largest?.id) + 1);
  });

  it("refuse to import into a database that already has rows, and change nothing", async () => {
    const lines = await exportLines(source.db);
    const before = await dump(source.db);
    await expect(importDatabase(source.db, each(lines))).rejects.toThrow(ImportError);
    await expect(importDatabase(source.db, each(lines))).rejects.toThrow(/not empty/);
    expect(await dump(source.db)).toEqual(before);
  });

  it("refuse a file that is not an export", async () => {
    const embedded = await openEmbedded();
    opened.push(embedded);
    await expect(importDatabase(embedded.db, each(['{"hello":"world"}']))).rejects.toThrow(
      /not a certbot-export file/,
    );
    await expect(importDatabase(embedded.db, each([]))).rejects.toThrow(/no export header/);
  });
});
