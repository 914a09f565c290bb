import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "../../src/discord-server/index.js";
import { freshId, seedGroup, seedMemberStats, seedPeriodScores, seedQuizChannel } from "../stats/seed.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

describe("/leaderboard through Discord", () => {
  let world: TestWorld;
  let channelId: string;
  let members: Member[];
  let caller: Member;
  let roleId: string;

  beforeAll(async () => {
    world = await startTestWorld();
    const { db } = world.database;
    channelId = world.guild.createTextChannel({ name: "study" }).id;
    roleId = world.guild.createRole({ name: "night-owls" }).id;
    members = Array.from({ length: 12 }, (_, i) => world.guild.addMember({ username: `m${i}` }));
    caller = world.guild.addMember({ username: "caller", roles: [roleId] });
    // m0 and m1 tie for first; the caller ties with m11 far below the top 10.
    const totals = Object.fromEntries(
      members.map((member, i) => [member.id, { points: i < 2 ? 50 : 40 - i, answered: 60, streak: i }]),
    );
    await seedMemberStats(db, world.guild.id, { ...totals, [caller.id]: { points: 29, answered: 40 } });
    // Weeks and months follow the quiz channel's zone, Los Angeles.
    await seedQuizChannel(db, world.guild.id, "AIP-C01", "America/Los_Angeles");
    await seedPeriodScores(db, world.guild.id, "week", "2026-03-02", {
      [caller.id]: 4,
      [members[5]?.id ?? ""]: 2,
    });
    await seedPeriodScores(db, world.guild.id, "week", "2026-03-09", { [members[0]?.id ?? ""]: 9 });
    await seedGroup(db, world.guild.id, "Night Owls", [members[3]?.id ?? ""], roleId);
    // Another server where the same people have far more points.
    await seedMemberStats(db, freshId(), { [caller.id]: { points: 900 }, outsider: { points: 999 } });
  });
  afterAll(() => world.close());

  const run = (options = {}) => caller.runCommand(world.guild.id, channelId, "leaderboard", options);

  it("shows the top 10 with ties sharing a rank, and the caller's own rank below", async () => {
    const reply = await run({ period: "all" });
    const embed = reply.embeds[0];
    expect(reply.ephemeral).toBe(false);
    expect(embed?.title).toBe("Leaderboard · all time");
    const lines = embed?.description?.split("\n") ?? [];
    expect(lines[0]).toBe(`**1.** <@${members[0]?.id}> — **50** pts · 83% of 60`);
    expect(lines[1]).toContain(`**1.** <@${members[1]?.id}>`);
    expect(lines[2]).toContain(`**3.** <@${members[2]?.id}> — **38** pts`);
    expect(lines.filter((line) => /^\*\*\d+\.\*\*/.test(line))).toHaveLength(10);
    expect(embed?.description).toContain("You: rank **12** with **29** points");
    // Points earned in another server (the caller's 900, the outsider's 999) never show here.
    // Match bold score runs only: a snowflake in a mention may contain any digits.
    expect(embed?.description).not.toContain("**999**");
    expect(embed?.description).not.toContain("**900**");
  });

  it("ranks this week in the server's zone: Sunday evening in Los Angeles is still last week", async () => {
    world.clock.set("2026-03-09T03:00:00Z");
    const reply = await run({ period: "week" });
    const text = reply.embeds[0]?.description ?? "";
    expect(text.split("\n")[0]).toBe(`**1.** <@${caller.id}> — **4** pts · 80% of 5 ← you`);
    expect(text).toContain(`**2.** <@${members[5]?.id}>`);
    expect(text).not.toContain(`<@${members[0]?.id}>`);
    expect(reply.embeds[0]?.footer?.text).toContain("since 2026-03-02");
  });

  it("ranks a group's members, counting holders of its linked role", async () => {
    const reply = await run({ period: "all", group: "night owls" });
    expect(reply.embeds[0]?.title).toBe("Leaderboard · all time · group Night Owls");
    const ranked = reply.embeds[0]?.description?.split("\n").filter((line) => line.startsWith("**")) ?? [];
    expect(ranked).toEqual([
      `**1.** <@${members[3]?.id}> — **37** pts · 62% of 60 · 🔥 3`,
      `**2.** <@${caller.id}> — **29** pts · 73% of 40 ← you`,
    ]);
    const unknown = await run({ group: "day owls" });
    expect(unknown).toMatchObject({ ephemeral: true });
    expect(unknown.content).toContain("There is no group called **day owls** here");
  });

  it("refuses an exam it does not know, naming the ones it does", async () => {
    const reply = await run({ exam: "XYZ-C09" });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("Unknown exam `XYZ-C09`");
    expect(reply.content).toContain("AIP-C01");
  });
});
