import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { queryRows } from "../../src/db/rows.js";
import { answers, postings } from "../../src/db/schema.js";
import { serverTimeZone, setServerTimeZone } from "../../src/guilds/settings.js";
import { closePosting } from "../../src/quiz/close-posting.js";
import { groupStandings } from "../../src/stats/group-standings.js";
import { createGroup, deleteGroup, joinGroup, leaveGroup, linkGroupRole } from "../../src/stats/groups.js";
import type { Period } from "../../src/stats/zone.js";
import { openTestDatabase } from "../support/db.js";
import { liveGroupStandings, liveGroupTotals, maintainedGroupTotals } from "./group-standings-oracle.js";
import { freshId, seedMemberStats, seedPeriodScores, seedQuestion, seedQuizChannel } from "./seed.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedQuestion(database.db, "GPS-1");
});
afterAll(() => database.close());

// Member ids are shared by every run (each in its own server), so a member has groups and points in
// several servers at once: the totals must stay per server.
const users = ["u1", "u2", "u3", "u4", "u5", "u6", "u7"];
const groupNames = ["Alpha", "Beta", "Gamma"];
const zones = ["UTC", "America/Los_Angeles", "Asia/Tokyo", "Europe/Berlin"];
const periods: Period[] = ["all", "week", "month"];

type Op =
  | { kind: "join" | "leave"; user: string; group: string }
  | { kind: "close"; hours: number; answers: [string, "A" | "B" | ""][] }
  | { kind: "zone"; zone: string }
  | { kind: "delete" | "create"; group: string; user: string };

const user = fc.constantFrom(...users);
const group = fc.constantFrom(...groupNames);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("join" as const), user, group }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("leave" as const), user, group }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("close" as const),
      // Up to four days between closes: runs cross weeks and months, and closes share them.
      hours: fc.integer({ min: 1, max: 96 }),
      answers: fc.uniqueArray(fc.tuple(user, fc.constantFrom("A" as const, "B" as const, "" as const)), {
        selector: ([id]) => id,
        maxLength: users.length,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("zone" as const), zone: fc.constantFrom(...zones) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom("delete" as const, "create" as const), group, user }),
  },
);

async function expectSameAsLive(guild: string, now: Date, roleHolders: (roleId: string) => string[]) {
  const { db } = database;
  const timeZone = await serverTimeZone(db, guild);
  for (const period of periods) {
    const options = { now, timeZone, roleHolders };
    expect(await groupStandings(db, guild, period, options)).toEqual(
      await liveGroupStandings(db, guild, period, options),
    );
  }
  expect(await maintainedGroupTotals(db, guild)).toEqual(await liveGroupTotals(db, guild));
}

// Many random runs against a real database: generous on a busy machine; it is not a speed check.
describe("maintained group totals", { timeout: 120_000 }, () => {
  it("equal the live computation over random joins, leaves, closes, zone changes and deletes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.subarray(users),
        fc.boolean(),
        async (ops, holders, seedBefore) => {
          const { db } = database;
          const guild = freshId();
          const channel = await seedQuizChannel(db, guild, "AIP-C01", "UTC");
          if (seedBefore) {
            // Totals that exist before any group does (seeded as the closer would have left them).
            await seedMemberStats(db, guild, {
              u1: { points: 5, answered: 7 },
              u2: { points: 0, answered: 0 },
            });
            await seedPeriodScores(db, guild, "week", "2026-02-16", { u1: 2 });
            await seedPeriodScores(db, guild, "month", "2026-02-01", { u1: 4 });
          }
          const roleHolders = (roleId: string) => (roleId === "role-a" ? holders : []);
          let now = new Date("2026-02-20T10:00:00Z");
          let day = 0;
          for (const name of groupNames) await createGroup(db, guild, name, users[0] ?? "u1");
          await linkGroupRole(db, guild, "Alpha", "role-a");
          for (const step of ops) {
            if (step.kind === "zone") await setServerTimeZone(db, guild, step.zone);
            else if (step.kind === "close") {
              now = new Date(now.getTime() + step.hours * 3_600_000);
              day += 1;
              const [posting] = await db
                .insert(postings)
                .values({
                  quizChannelId: channel.id,
                  localDate: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10),
                  sequence: day,
                  questionId: "GPS-1",
                  questionRevision: 1,
                  answerSize: 1,
                  messageId: freshId(),
                  closesAt: now,
                })
                .returning();
              if (!posting) throw new Error("posting insert returned nothing");
              if (step.answers.length > 0)
                await db
                  .insert(answers)
                  .values(
                    step.answers.map(([userId, choices]) => ({ postingId: posting.id, userId, choices })),
                  );
              await closePosting(db, posting.id, now);
            } else if (step.kind === "join") await joinGroup(db, guild, step.group, step.user);
            else if (step.kind === "leave") await leaveGroup(db, guild, step.group, step.user, []);
            else if (step.kind === "delete") await deleteGroup(db, guild, step.group);
            else {
              await createGroup(db, guild, step.group, step.user);
              if (step.group === "Alpha") await linkGroupRole(db, guild, "Alpha", "role-a");
            }
            await expectSameAsLive(guild, now, roleHolders);
          }
          // The standings of a later week (no close yet) and month start empty for everyone.
          await expectSameAsLive(guild, new Date(now.getTime() + 40 * 86_400_000), roleHolders);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("stay exact when joins, leaves and closes of the same members run at the same time", async () => {
    const { db } = database;
    const guild = freshId();
    const channel = await seedQuizChannel(db, guild, "AIP-C01", "UTC");
    for (const name of groupNames) await createGroup(db, guild, name, "u1");
    const now = new Date("2026-03-04T12:00:00Z");
    const closes = Array.from({ length: 8 }, async (_, i) => {
      const [posting] = await db
        .insert(postings)
        .values({
          quizChannelId: channel.id,
          localDate: `2026-02-${String(i + 10).padStart(2, "0")}`,
          sequence: i + 1,
          questionId: "GPS-1",
          questionRevision: 1,
          answerSize: 1,
          messageId: freshId(),
          closesAt: now,
        })
        .returning();
      if (!posting) throw new Error("posting insert returned nothing");
      await db
        .insert(answers)
        .values(
          users.map((userId, k) => ({ postingId: posting.id, userId, choices: (i + k) % 3 ? "A" : "B" })),
        );
      return posting.id;
    });
    const ids = await Promise.all(closes);
    // The closer closes one posting at a time; each close races a burst of joins and leaves.
    for (const [i, id] of ids.entries()) {
      await Promise.all([
        closePosting(db, id, now),
        ...users.flatMap((userId, k) =>
          groupNames.map(async (name, g) => {
            if ((i + k + g) % 3 === 0) await leaveGroup(db, guild, name, userId, []);
            else await joinGroup(db, guild, name, userId);
          }),
        ),
      ]);
    }
    await expectSameAsLive(guild, now, () => []);
  });

  it("drops a deleted group's totals with it", async () => {
    const { db } = database;
    const guild = freshId();
    await seedMemberStats(db, guild, { ada: { points: 3 } });
    await createGroup(db, guild, "Gone", "ada");
    expect(await maintainedGroupTotals(db, guild)).toHaveLength(1);
    const deleted = await deleteGroup(db, guild, "Gone");
    const left = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from group_period_scores where group_id = ${deleted?.id ?? -1}`,
    );
    expect(deleted).toBeDefined();
    expect(left).toEqual([{ n: 0 }]);
  });
});
