import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { leaderboard } from "../../src/stats/leaderboard.js";
import { openTestDatabase } from "../support/db.js";
import {
  freshId,
  seedClosedPosting,
  seedDomainStats,
  seedGroup,
  seedMemberStats,
  seedPeriodScores,
  seedQuestion,
  seedQuizChannel,
} from "./seed.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const now = new Date("2026-03-04T12:00:00Z");
const utc = { now, timeZone: "UTC" };

function ok<T extends { kind: string }>(result: T): Extract<T, { kind: "ok" }> {
  if (result.kind !== "ok") throw new Error(`expected a leaderboard, got ${result.kind}`);
  return result as Extract<T, { kind: "ok" }>;
}

describe("leaderboard", () => {
  it("gives tied members the same rank and skips the next ranks (1, 1, 3)", async () => {
    const guild = freshId();
    await seedMemberStats(database.db, guild, {
      ada: { points: 9, answered: 10, streak: 4 },
      bob: { points: 9, answered: 12 },
      cy: { points: 7 },
      dee: { points: 7 },
      eve: { points: 7 },
      fay: { points: 2 },
    });
    const board = ok(await leaderboard(database.db, guild, "all", utc));
    expect(board.top.map((entry) => [entry.userId, entry.rank])).toEqual([
      ["ada", 1],
      ["bob", 1],
      ["cy", 3],
      ["dee", 3],
      ["eve", 3],
      ["fay", 6],
    ]);
    expect(board.top[0]).toMatchObject({ points: 9, answered: 10, accuracy: 0.9, streak: 4 });
  });

  it("shows only the top 10 but still gives the caller their own rank and points", async () => {
    const guild = freshId();
    const members: Record<string, { points: number }> = {};
    for (let i = 0; i < 30; i += 1) members[`m${String(i).padStart(2, "0")}`] = { points: 100 - i };
    members.tied = { points: 75 }; // ties with m25
    await seedMemberStats(database.db, guild, members);
    const board = ok(await leaderboard(database.db, guild, "all", { ...utc, callerId: "tied" }));
    expect(board.top).toHaveLength(10);
    expect(board.top.at(-1)?.rank).toBe(10);
    expect(board.caller).toMatchObject({ userId: "tied", rank: 26, points: 75 });
    const m25 = ok(await leaderboard(database.db, guild, "all", { ...utc, callerId: "m25" }));
    expect(m25.caller?.rank).toBe(26);
    const inTop = ok(await leaderboard(database.db, guild, "all", { ...utc, callerId: "m03" }));
    expect(inTop.caller).toMatchObject({ rank: 4, points: 97 });
    const absent = ok(await leaderboard(database.db, guild, "all", { ...utc, callerId: "newcomer" }));
    expect(absent.caller).toBeUndefined();
  });

  it("never shows another server's members or points", async () => {
    const mine = freshId();
    const other = freshId();
    await seedMemberStats(database.db, mine, { ada: { points: 3 } });
    await seedMemberStats(database.db, other, { ada: { points: 50 }, zed: { points: 40 } });
    await seedPeriodScores(database.db, other, "week", "2026-03-02", { zed: 9 });
    const board = ok(await leaderboard(database.db, mine, "all", { ...utc, callerId: "ada" }));
    expect(board.top.map((entry) => [entry.userId, entry.points])).toEqual([["ada", 3]]);
    expect(board.caller?.points).toBe(3);
    const week = ok(await leaderboard(database.db, mine, "week", { ...utc, callerId: "zed" }));
    expect(week.top).toEqual([]);
    expect(week.caller).toBeUndefined();
  });

  it("reads the week and month the server's zone is in, not UTC's", async () => {
    const guild = freshId();
    await seedPeriodScores(database.db, guild, "week", "2026-03-02", { early: 5 });
    await seedPeriodScores(database.db, guild, "week", "2026-03-09", { late: 6 });
    await seedPeriodScores(database.db, guild, "month", "2026-02-01", { feb: 7 });
    await seedPeriodScores(database.db, guild, "month", "2026-03-01", { mar: 8 });
    // Monday 9 March 03:00 UTC is still Sunday evening in Los Angeles (DST began that Sunday).
    const la = { now: new Date("2026-03-09T03:00:00Z"), timeZone: "America/Los_Angeles" };
    const laWeek = ok(await leaderboard(database.db, guild, "week", la));
    expect(laWeek.window?.startsOn).toBe("2026-03-02");
    expect(laWeek.top.map((entry) => entry.userId)).toEqual(["early"]);
    const utcWeek = ok(await leaderboard(database.db, guild, "week", { ...la, timeZone: "UTC" }));
    expect(utcWeek.top.map((entry) => entry.userId)).toEqual(["late"]);
    // Sunday 28 February 12:00 UTC is already Monday 1 March in Auckland.
    const nz = { now: new Date("2026-02-28T12:00:00Z"), timeZone: "Pacific/Auckland" };
    expect(ok(await leaderboard(database.db, guild, "month", nz)).top.map((e) => e.userId)).toEqual(["mar"]);
    expect(
      ok(await leaderboard(database.db, guild, "month", { ...nz, timeZone: "UTC" })).top.map((e) => e.userId),
    ).toEqual(["feb"]);
  });

  it("ranks only a group's members: explicit members and holders of its role", async () => {
    const guild = freshId();
    await seedMemberStats(database.db, guild, {
      ada: { points: 9 },
      bob: { points: 8 },
      cy: { points: 7 },
      dee: { points: 6 },
    });
    await seedGroup(database.db, guild, "Night Owls", ["bob", "dee"], "role-1");
    const byName = ok(
      await leaderboard(database.db, guild, "all", {
        ...utc,
        group: "night owls",
        callerId: "dee",
        roleHolders: (roleId: string) => (roleId === "role-1" ? ["cy", "bob"] : []),
      }),
    );
    expect(byName.group).toBe("Night Owls");
    expect(byName.top.map((entry) => [entry.userId, entry.rank])).toEqual([
      ["bob", 1],
      ["cy", 2],
      ["dee", 3],
    ]);
    expect(await leaderboard(database.db, guild, "all", { ...utc, group: "nobody" })).toEqual({
      kind: "unknown-group",
      name: "nobody",
    });
  });

  it("counts only one exam's answers when an exam is given, all-time and this week", async () => {
    const guild = freshId();
    await seedDomainStats(database.db, guild, "ada", "AIP-C01", { 1: [4, 3], 2: [2, 2] });
    await seedDomainStats(database.db, guild, "ada", "AIF-C01", { 1: [9, 9] });
    await seedDomainStats(database.db, guild, "bob", "AIF-C01", { 1: [3, 1] });
    const allTime = ok(await leaderboard(database.db, guild, "all", { ...utc, exam: "AIP-C01" }));
    expect(allTime.top.map((entry) => [entry.userId, entry.points, entry.answered])).toEqual([["ada", 5, 6]]);

    const aip = await seedQuizChannel(database.db, guild, "AIP-C01");
    const aif = await seedQuizChannel(database.db, guild, "AIF-C01");
    await seedQuestion(database.db, "lb-aip");
    await seedQuestion(database.db, "lb-aif", "AIF-C01");
    // Last week, this week (twice), and this week in the other exam's channel.
    await seedClosedPosting(database.db, aip.id, "2026-02-28", "2026-03-01T09:00:00Z", "lb-aip", {
      ada: "A",
    });
    await seedClosedPosting(database.db, aip.id, "2026-03-02", "2026-03-03T09:00:00Z", "lb-aip", {
      ada: "A",
      bob: "B",
      cy: "",
    });
    await seedClosedPosting(database.db, aip.id, "2026-03-03", "2026-03-04T09:00:00Z", "lb-aip", {
      ada: "C",
      bob: "A",
    });
    await seedClosedPosting(database.db, aif.id, "2026-03-03", "2026-03-04T09:00:00Z", "lb-aif", {
      bob: "A",
    });
    const week = ok(
      await leaderboard(database.db, guild, "week", { ...utc, exam: "AIP-C01", callerId: "cy" }),
    );
    expect(week.top.map((entry) => [entry.userId, entry.rank, entry.points, entry.answered])).toEqual([
      ["ada", 1, 1, 2],
      ["bob", 1, 1, 2],
    ]);
    expect(week.caller).toBeUndefined();
  });
});
