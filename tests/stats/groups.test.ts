import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { groupStandings } from "../../src/stats/group-standings.js";
import {
  createGroup,
  deleteGroup,
  joinGroup,
  leaveGroup,
  linkGroupRole,
  listGroups,
} from "../../src/stats/groups.js";
import { openTestDatabase } from "../support/db.js";
import { freshId, seedGroup, seedMemberStats, seedPeriodScores } from "./seed.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("study groups", () => {
  it("creates a group whose creator is its first member; names are unique regardless of case", async () => {
    const guild = freshId();
    const created = await createGroup(database.db, guild, "  Night   Owls ", "ada");
    expect(created).toMatchObject({ kind: "created", group: { name: "Night Owls", nameKey: "night owls" } });
    expect(await createGroup(database.db, guild, "NIGHT OWLS", "bob")).toEqual({
      kind: "exists",
      name: "Night Owls",
    });
    expect(await createGroup(database.db, guild, "x", "bob")).toMatchObject({ kind: "invalid" });
    expect(await createGroup(database.db, guild, "<@&123> ping", "bob")).toMatchObject({ kind: "invalid" });
    const [group] = await listGroups(database.db, guild, { userId: "ada", roleIds: [] });
    expect(group).toMatchObject({ name: "Night Owls", members: 1, isMember: true });
  });

  it("joins and leaves by name, and says when there was nothing to do", async () => {
    const guild = freshId();
    await createGroup(database.db, guild, "Early Birds", "ada");
    expect(await joinGroup(database.db, guild, "early birds", "bob")).toMatchObject({ kind: "joined" });
    expect(await joinGroup(database.db, guild, "Early Birds", "bob")).toMatchObject({ kind: "already" });
    expect(await joinGroup(database.db, guild, "Late Birds", "bob")).toEqual({ kind: "unknown" });
    expect(await leaveGroup(database.db, guild, "EARLY BIRDS", "bob", [])).toMatchObject({
      kind: "left",
      stillViaRole: false,
    });
    expect(await leaveGroup(database.db, guild, "Early Birds", "bob", [])).toMatchObject({
      kind: "not-member",
      viaRole: false,
    });
  });

  it("counts holders of a linked role as members, once even when they also joined", async () => {
    const guild = freshId();
    await createGroup(database.db, guild, "Builders", "ada");
    await joinGroup(database.db, guild, "Builders", "bob");
    expect(await linkGroupRole(database.db, guild, "builders", "role-9")).toMatchObject({ roleId: "role-9" });
    const holders = (roleId: string) => (roleId === "role-9" ? ["bob", "cy", "dee"] : []);
    const [asCy] = await listGroups(database.db, guild, { userId: "cy", roleIds: ["role-9"] }, holders);
    expect(asCy).toMatchObject({ members: 4, isMember: true, roleId: "role-9" });
    const [asEve] = await listGroups(database.db, guild, { userId: "eve", roleIds: [] }, holders);
    expect(asEve?.isMember).toBe(false);
    expect(await leaveGroup(database.db, guild, "Builders", "bob", ["role-9"])).toMatchObject({
      kind: "left",
      stillViaRole: true,
    });
  });

  it("deletes a group with its memberships, in its own server only", async () => {
    const guild = freshId();
    const other = freshId();
    await createGroup(database.db, guild, "Readers", "ada");
    await createGroup(database.db, other, "Readers", "zed");
    expect(await deleteGroup(database.db, guild, "readers")).toMatchObject({ name: "Readers" });
    expect(await deleteGroup(database.db, guild, "readers")).toBeUndefined();
    expect(await listGroups(database.db, guild, { userId: "ada", roleIds: [] })).toEqual([]);
    expect(await listGroups(database.db, other, { userId: "zed", roleIds: [] })).toMatchObject([
      { name: "Readers", members: 1 },
    ]);
    expect(await linkGroupRole(database.db, guild, "Readers", "r")).toBeUndefined();
  });
});

describe("group standings", () => {
  const now = new Date("2026-03-04T12:00:00Z");

  it("ranks groups by average points per active member, with member counts and shared ranks", async () => {
    const guild = freshId();
    await seedMemberStats(database.db, guild, {
      ada: { points: 10 },
      bob: { points: 0, answered: 0 },
      cy: { points: 4 },
      dee: { points: 6 },
      eve: { points: 5 },
      fay: { points: 5 },
    });
    await seedGroup(database.db, guild, "Solo", ["ada", "bob"]); // 10 / 1 active
    await seedGroup(database.db, guild, "Pair", ["cy"], "role-p"); // cy + dee by role: (4 + 6) / 2
    await seedGroup(database.db, guild, "Twins", ["eve", "fay"]); // 5 / member
    await seedGroup(database.db, guild, "Empty", []);
    const standings = await groupStandings(database.db, guild, "all", {
      now,
      timeZone: "UTC",
      roleHolders: (roleId: string) => (roleId === "role-p" ? ["dee", "cy"] : []),
    });
    expect(standings.map((g) => [g.name, g.rank, g.members, g.active, g.points, g.average])).toEqual([
      ["Solo", 1, 2, 1, 10, 10],
      ["Pair", 2, 2, 2, 10, 5],
      ["Twins", 2, 2, 2, 10, 5],
      ["Empty", 4, 0, 0, 0, 0],
    ]);
  });

  it("uses the period's points for week standings and ignores other servers' scores", async () => {
    const guild = freshId();
    const other = freshId();
    await seedPeriodScores(database.db, guild, "week", "2026-03-02", { ada: 3 });
    await seedPeriodScores(database.db, guild, "week", "2026-02-23", { bob: 30 });
    await seedPeriodScores(database.db, other, "week", "2026-03-02", { bob: 50 });
    await seedGroup(database.db, guild, "A", ["ada"]);
    await seedGroup(database.db, guild, "B", ["bob"]);
    await seedGroup(database.db, other, "Elsewhere", ["bob"]);
    const standings = await groupStandings(database.db, guild, "week", { now, timeZone: "UTC" });
    expect(standings.map((g) => [g.name, g.rank, g.points, g.active])).toEqual([
      ["A", 1, 3, 1],
      ["B", 2, 0, 0],
    ]);
  });
});
