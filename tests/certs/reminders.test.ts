import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCertification,
  dueThreshold,
  findDueReminders,
  markReminderFailed,
  markReminderSent,
  recordPass,
  setReminders,
} from "../../src/certs/index.js";
import type { Database } from "../../src/db/client.js";
import { certificationReminders, guildSettings } from "../../src/db/schema.js";
import { openTestDatabase } from "../support/db.js";

const today = "2026-11-26";
const at = (date: string) => new Date(`${date}T12:00:00Z`);
let database: Database;
let user = 0;
const nextUser = () => `member-${++user}`;
const mine = async (userId: string, now: Date) =>
  (await findDueReminders(database.db, now)).filter((reminder) => reminder.userId === userId);
/** Adds a certification for a member who turned reminders on (they are off until then). */
const add = async (userId: string, code: string, earned: string, guildId: string | null = null) => {
  await setReminders(database.db, { userId, guildId, enabled: true });
  return addCertification(database.db, { userId, guildId, code, earned, today });
};

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("which reminder is due", () => {
  it.each([
    [120, undefined],
    [91, undefined],
    [90, 90],
    [31, 90],
    [30, 30],
    [8, 30],
    [7, 7],
    [0, 7],
    [-1, undefined],
  ])("%i days before expiry → %s", (daysLeft, expected) => {
    expect(dueThreshold(daysLeft)).toBe(expected);
  });
});

describe("finding and claiming due reminders", () => {
  it("claims a reminder once: a second look finds nothing", async () => {
    const userId = nextUser();
    await add(userId, "SAA", "2024-02-24");
    const [due] = await mine(userId, at(today));
    expect(due).toMatchObject({ certCode: "SAA", expiresOn: "2027-02-24", daysBefore: 90, daysLeft: 90 });
    expect(due?.text).toContain("expires on **2027-02-24**, in 90 days");
    expect(await mine(userId, at(today))).toEqual([]);
    expect(await mine(userId, at("2026-12-20"))).toEqual([]);
  });

  it("never hands the same reminder to two processes looking at once", async () => {
    const userId = nextUser();
    await add(userId, "DVA", "2024-02-24");
    const [a, b, c] = await Promise.all([
      mine(userId, at(today)),
      mine(userId, at(today)),
      mine(userId, at(today)),
    ]);
    expect([...(a ?? []), ...(b ?? []), ...(c ?? [])]).toHaveLength(1);
  });

  it("sends only the most urgent reminder when a certification is added late", async () => {
    const userId = nextUser();
    await add(userId, "CLF", "2023-12-16"); // expires 2026-12-16: 20 days left
    expect((await mine(userId, at(today))).map((r) => r.daysBefore)).toEqual([30]);
    expect((await mine(userId, at("2026-12-09"))).map((r) => r.daysBefore)).toEqual([7]);
    expect(await mine(userId, at("2026-12-17"))).toEqual([]);
  });

  it("starts a fresh set of reminders when a renewal moves the expiry", async () => {
    const userId = nextUser();
    await add(userId, "DEA", "2024-02-24");
    expect(await mine(userId, at(today))).toHaveLength(1);
    await recordPass(database.db, { userId, guildId: null, code: "DEA", date: "2026-11-25", today });
    expect(await mine(userId, at(today))).toEqual([]);
    expect((await mine(userId, at("2029-08-27"))).map((r) => r.expiresOn)).toEqual(["2029-11-25"]);
  });

  it("skips members who never turned reminders on", async () => {
    const userId = nextUser();
    await addCertification(database.db, { userId, guildId: "g", code: "SAA", earned: "2024-02-24", today });
    expect(await mine(userId, at(today))).toEqual([]);
  });

  it("skips members who turned reminders off", async () => {
    const userId = nextUser();
    await add(userId, "SOA", "2024-02-24");
    await setReminders(database.db, { userId, guildId: null, enabled: false });
    expect(await mine(userId, at(today))).toEqual([]);
    await setReminders(database.db, { userId, guildId: null, enabled: true });
    expect(await mine(userId, at(today))).toHaveLength(1);
  });

  it("carries the reminder channel of the member's server for when DMs are closed", async () => {
    const userId = nextUser();
    await database.db.insert(guildSettings).values({ guildId: "guild-r", reminderChannelId: "channel-r" });
    await add(userId, "MLA", "2024-02-24", "guild-r");
    const [due] = await mine(userId, at(today));
    expect(due?.fallbackChannelId).toBe("channel-r");
    expect(await setReminders(database.db, { userId, guildId: "guild-r", enabled: true })).toEqual({
      enabled: true,
      fallbackChannelId: "channel-r",
    });
  });

  it("records whether each claimed reminder was sent or failed", async () => {
    const userId = nextUser();
    await add(userId, "SAA", "2024-02-24");
    await add(userId, "CLF", "2024-02-24");
    const [first, second] = await mine(userId, at(today));
    if (!first || !second) throw new Error("expected two reminders");
    await markReminderSent(database.db, first, at(today));
    await markReminderFailed(database.db, second, "DMs closed and no reminder channel");
    const rows = await database.db
      .select()
      .from(certificationReminders)
      .where(eq(certificationReminders.userId, userId));
    const row = (code: string) => rows.find((r) => r.certCode === code);
    expect(row(first.certCode)).toMatchObject({ sentAt: at(today), error: null });
    expect(row(second.certCode)).toMatchObject({ sentAt: null, error: "DMs closed and no reminder channel" });
  });

  it("recommends the exam that renews the certification and others expiring with it", async () => {
    const userId = nextUser();
    await add(userId, "DEA", "2024-02-24");
    await add(userId, "MLA", "2024-03-20");
    const due = await mine(userId, at(today));
    expect(due.map((r) => r.certCode)).toEqual(["DEA"]);
    expect(due[0]?.text).toContain(
      "pass **AIP-C01** (Generative AI Developer – Professional) by 2027-02-24; it also renews MLA.",
    );
  });
});
