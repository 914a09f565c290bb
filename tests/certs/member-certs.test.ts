import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCertification,
  listCertifications,
  planForMember,
  recordPass,
  removeCertification,
} from "../../src/certs/index.js";
import type { Database } from "../../src/db/client.js";
import { memberCertifications, memberSettings } from "../../src/db/schema.js";
import { openTestDatabase } from "../support/db.js";

const today = "2026-11-26";
let database: Database;
let user = 0;
const nextUser = () => `user-${++user}`;
const stored = (userId: string) =>
  database.db
    .select()
    .from(memberCertifications)
    .where(eq(memberCertifications.userId, userId))
    .orderBy(memberCertifications.certCode);

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("adding and removing certifications", () => {
  it("adds a certification valid for its validity from the earned date and remembers the server", async () => {
    const userId = nextUser();
    const outcome = await addCertification(database.db, {
      userId,
      guildId: "g1",
      code: "aip-c01",
      earned: "2026-04-14",
      today,
    });
    expect(outcome).toMatchObject({ kind: "added", cert: { code: "AIP" }, expiresOn: "2029-04-14" });
    expect(await stored(userId)).toMatchObject([
      { certCode: "AIP", earnedOn: "2026-04-14", expiresOn: "2029-04-14" },
    ]);
    const settings = await database.db.select().from(memberSettings).where(eq(memberSettings.userId, userId));
    expect(settings).toMatchObject([{ remindersEnabled: false, reminderGuildId: "g1" }]);
  });

  it("corrects the date of a certification added again", async () => {
    const userId = nextUser();
    await addCertification(database.db, { userId, guildId: null, code: "SAA", earned: "2024-01-01", today });
    const outcome = await addCertification(database.db, {
      userId,
      guildId: null,
      code: "SAA",
      earned: "2025-01-01",
      today,
    });
    expect(outcome).toMatchObject({ kind: "updated", expiresOn: "2028-01-01" });
    expect(await stored(userId)).toHaveLength(1);
  });

  it("gives Google Cloud Professional certifications two years", async () => {
    const outcome = await addCertification(database.db, {
      userId: nextUser(),
      guildId: null,
      code: "gcp-pca",
      earned: "2026-01-31",
      today,
    });
    expect(outcome).toMatchObject({ kind: "added", expiresOn: "2028-01-31" });
  });

  it.each([
    ["AIX", "2026-04-14", { kind: "unknown", suggestions: ["AIF", "AIP"] }],
    ["AIP", "2026-11-28", { kind: "future-date", date: "2026-11-28", today }],
    ["AIP", "14/04/2026", { kind: "malformed-date", input: "14/04/2026" }],
    ["AIP", "0000-01-01", { kind: "too-early", date: "0000-01-01", earliest: "1990-01-01" }],
    ["AIP", "1989-12-31", { kind: "too-early", earliest: "1990-01-01" }],
    ["AIP", "2026-02-29", { kind: "malformed-date" }],
    ["MLS", "2026-05-01", { kind: "exam-retired", lastExamDay: "2026-03-31" }],
  ])("refuses %s earned %s and writes nothing", async (code, earned, expected) => {
    const userId = nextUser();
    const outcome = await addCertification(database.db, { userId, guildId: "g1", code, earned, today });
    expect(outcome).toMatchObject(expected);
    expect(await stored(userId)).toEqual([]);
    expect(await database.db.select().from(memberSettings).where(eq(memberSettings.userId, userId))).toEqual(
      [],
    );
  });

  it("accepts tomorrow's date, which is already today east of UTC", async () => {
    const outcome = await addCertification(database.db, {
      userId: nextUser(),
      guildId: null,
      code: "CLF",
      earned: "2026-11-27",
      today,
    });
    expect(outcome.kind).toBe("added");
  });

  it("removes a held certification and reports one not held", async () => {
    const userId = nextUser();
    await addCertification(database.db, { userId, guildId: null, code: "DVA", earned: "2025-01-01", today });
    expect(await removeCertification(database.db, { userId, code: "dva" })).toMatchObject({
      kind: "removed",
    });
    expect(await removeCertification(database.db, { userId, code: "DVA" })).toMatchObject({
      kind: "not-held",
    });
    expect(await removeCertification(database.db, { userId, code: "NOPE" })).toMatchObject({
      kind: "unknown",
    });
  });

  it("lists soonest expiry first with days left and status", async () => {
    const userId = nextUser();
    await addCertification(database.db, { userId, guildId: null, code: "AIF", earned: "2026-01-05", today });
    await addCertification(database.db, { userId, guildId: null, code: "SAA", earned: "2024-01-10", today });
    await addCertification(database.db, { userId, guildId: null, code: "CLF", earned: "2023-11-01", today });
    expect(await listCertifications(database.db, userId, today)).toEqual([
      {
        code: "CLF",
        name: "Cloud Practitioner",
        earnedOn: "2023-11-01",
        expiresOn: "2026-11-01",
        daysLeft: -25,
        status: "lapsed",
      },
      {
        code: "SAA",
        name: "Solutions Architect – Associate",
        earnedOn: "2024-01-10",
        expiresOn: "2027-01-10",
        daysLeft: 45,
        status: "expiring",
      },
      {
        code: "AIF",
        name: "AI Practitioner",
        earnedOn: "2026-01-05",
        expiresOn: "2029-01-05",
        daysLeft: 771,
        status: "active",
      },
    ]);
  });
});

describe("recording a pass", () => {
  it("renews every held, unlapsed certification the exam reaches, in one go", async () => {
    const userId = nextUser();
    for (const [code, earned] of [
      ["DEA", "2024-06-01"],
      ["MLA", "2025-02-01"],
      ["AIF", "2024-08-01"],
      ["CLF", "2023-11-01"],
    ] as const) {
      await addCertification(database.db, { userId, guildId: null, code, earned, today });
    }
    const outcome = await recordPass(database.db, {
      userId,
      guildId: "g2",
      code: "AIP",
      date: "2026-11-20",
      today,
    });
    expect(outcome).toMatchObject({ kind: "applied", lapsed: [{ code: "CLF" }] });
    expect(await stored(userId)).toMatchObject([
      { certCode: "AIF", earnedOn: "2024-08-01", expiresOn: "2029-11-20" },
      { certCode: "AIP", earnedOn: "2026-11-20", expiresOn: "2029-11-20" },
      { certCode: "CLF", expiresOn: "2026-11-01" },
      { certCode: "DEA", expiresOn: "2029-11-20" },
      { certCode: "MLA", expiresOn: "2029-11-20" },
    ]);
  });

  it("writes nothing for an unknown exam, a bad date or a retired exam", async () => {
    const userId = nextUser();
    await addCertification(database.db, { userId, guildId: null, code: "DEA", earned: "2024-06-01", today });
    const before = await stored(userId);
    expect(
      await recordPass(database.db, { userId, guildId: null, code: "AIPP", date: "2026-11-20", today }),
    ).toMatchObject({ kind: "unknown" });
    expect(
      await recordPass(database.db, { userId, guildId: null, code: "AIP", date: "2027-11-20", today }),
    ).toMatchObject({ kind: "future-date" });
    expect(
      await recordPass(database.db, { userId, guildId: null, code: "AIP", date: "yesterday", today }),
    ).toMatchObject({ kind: "malformed-date" });
    expect(
      await recordPass(database.db, { userId, guildId: null, code: "MLS", date: "2026-11-20", today }),
    ).toMatchObject({ kind: "exam-retired" });
    expect(await stored(userId)).toEqual(before);
  });

  it("applies two passes recorded at the same moment one after the other", async () => {
    const userId = nextUser();
    await addCertification(database.db, { userId, guildId: null, code: "CLF", earned: "2024-06-01", today });
    await Promise.all([
      recordPass(database.db, { userId, guildId: null, code: "SAA", date: "2026-11-01", today }),
      recordPass(database.db, { userId, guildId: null, code: "DVA", date: "2026-11-02", today }),
    ]);
    expect(await stored(userId)).toMatchObject([
      { certCode: "CLF", expiresOn: "2029-11-02" },
      { certCode: "DVA", expiresOn: "2029-11-02" },
      { certCode: "SAA", expiresOn: "2029-11-01" },
    ]);
  });
});

describe("planning for a member", () => {
  it("plans over the member's own certifications within the horizon", async () => {
    const userId = nextUser();
    await addCertification(database.db, { userId, guildId: null, code: "DEA", earned: "2024-03-01", today });
    await addCertification(database.db, { userId, guildId: null, code: "MLA", earned: "2024-04-01", today });
    await addCertification(database.db, { userId, guildId: null, code: "SAA", earned: "2026-01-01", today });
    const { plan, heldCount } = await planForMember(database.db, { userId, today, months: 6 });
    expect(heldCount).toBe(3);
    expect(plan.steps.map((step) => step.exam.code)).toEqual(["AIP"]);
    expect(plan.steps[0]?.deadline).toBe("2027-03-01");
  });
});
