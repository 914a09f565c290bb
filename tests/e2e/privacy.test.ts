import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/rows.js";
import { memberCertifications, memberSettings } from "../../src/db/schema.js";
import type { Member } from "../../src/discord-server/index.js";
import { liveGroupTotals, maintainedGroupTotals } from "../stats/group-standings-oracle.js";
import {
  seedClosedPosting,
  seedDomainStats,
  seedGroup,
  seedMemberStats,
  seedPeriodScores,
  seedQuestion,
  seedQuizChannel,
} from "../stats/seed.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

/** Rows per table that mention a user id, in the tables the bot keeps about members. */
async function rowsAbout(world: TestWorld, userId: string): Promise<Record<string, number>> {
  const tables = [
    "answers",
    "member_stats",
    "period_scores",
    "domain_stats",
    "channel_streaks",
    "group_members",
    "member_certifications",
    "certification_reminders",
    "member_settings",
    "question_reports",
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ n: unknown }>(
      world.database.db,
      sql`select count(*) as n from ${sql.identifier(table)} where user_id = ${userId}`,
    );
    counts[table] = Number(row?.n);
  }
  return counts;
}

describe("/privacy", () => {
  let world: TestWorld;
  let ada: Member;
  let bob: Member;
  let channelId: string;

  beforeAll(async () => {
    world = await startTestWorld();
    channelId = world.guild.createTextChannel({ name: "study" }).id;
    ada = world.guild.addMember({ username: "ada" });
    bob = world.guild.addMember({ username: "bob" });
    const db = world.database.db;
    const guildId = world.guild.id;
    const quizChannel = await seedQuizChannel(db, guildId);
    await seedQuestion(db, "privacy-q1");
    await seedClosedPosting(db, quizChannel.id, "2026-11-23", "2026-11-24T00:00:00Z", "privacy-q1", {
      [ada.id]: "A",
      [bob.id]: "B",
    });
    await seedMemberStats(db, guildId, { [ada.id]: { points: 5, streak: 3 }, [bob.id]: { points: 2 } });
    await seedPeriodScores(db, guildId, "week", "2026-11-23", { [ada.id]: 5, [bob.id]: 2 });
    await seedDomainStats(db, guildId, ada.id, "AIP-C01", { 1: [5, 5] });
    await seedGroup(db, guildId, "Night owls", [ada.id, bob.id]);
    await db
      .insert(memberCertifications)
      .values({ userId: ada.id, certCode: "AIP-C01", earnedOn: "2026-03-01", expiresOn: "2029-03-01" });
    await db
      .insert(memberSettings)
      .values({ userId: ada.id, remindersEnabled: false, reminderGuildId: guildId });
  });
  afterAll(() => world.close());

  it("export sends the member, privately, a JSON file of their own data and nobody else's", async () => {
    const reply = await ada.runCommand(world.guild.id, channelId, "privacy export");
    expect(reply.ephemeral).toBe(true);
    const [file] = reply.attachments;
    expect(file?.filename).toBe(`certbot-data-${ada.id}.json`);
    const text = file?.bytes.toString("utf8") ?? "";
    expect(text).not.toContain(bob.id);
    const exported = JSON.parse(text);
    expect(exported).toMatchObject({
      userId: ada.id,
      answers: [{ guildId: world.guild.id, questionId: "privacy-q1", choices: "A", correct: true }],
      totals: [{ guildId: world.guild.id, points: 5, bestStreak: 3 }],
      groups: [{ guildId: world.guild.id, name: "Night owls" }],
      certifications: [{ certCode: "AIP-C01", expiresOn: "2029-03-01" }],
      settings: [{ remindersEnabled: false }],
    });
  });

  it("delete asks first, and 'Keep it' deletes nothing", async () => {
    const before = await rowsAbout(world, ada.id);
    const question = await ada.runCommand(world.guild.id, channelId, "privacy delete");
    expect(question.ephemeral).toBe(true);
    expect(question.content).toContain("cannot be undone");
    const kept = await ada.clickButton(channelId, question.id, `privacy:keep:${ada.id}`);
    expect(kept.content).toBe("Nothing was deleted.");
    expect(kept.components).toEqual([]);
    expect(await rowsAbout(world, ada.id)).toEqual(before);
  });

  it("delete, confirmed, removes every row about the member and their share of group totals, and leaves others alone", async () => {
    const bobBefore = await rowsAbout(world, bob.id);
    const question = await ada.runCommand(world.guild.id, channelId, "privacy delete");
    const done = await ada.clickButton(channelId, question.id, `privacy:delete:${ada.id}`);
    expect(done.content).toMatch(/^Done: everything I stored about you is deleted/);
    expect(done.components).toEqual([]);

    const adaAfter = await rowsAbout(world, ada.id);
    expect(
      Object.values(adaAfter).every((count) => count === 0),
      JSON.stringify(adaAfter),
    ).toBe(true);
    expect(await rowsAbout(world, bob.id)).toEqual(bobBefore);
    // The group's maintained totals equal the live sum over its remaining members: bob alone.
    const maintained = await maintainedGroupTotals(world.database.db, world.guild.id);
    expect(maintained).toEqual(await liveGroupTotals(world.database.db, world.guild.id));
    expect(maintained.find((row) => row.period === "all")).toMatchObject({ points: 2, members: 1 });

    const leaderboard = await bob.runCommand(world.guild.id, channelId, "leaderboard");
    expect(JSON.stringify(leaderboard)).not.toContain(ada.id);
  });
});
