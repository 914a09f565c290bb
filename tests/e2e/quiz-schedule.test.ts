import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postings } from "../../src/db/schema.js";
import type { Member } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

describe("posting times and several processes", () => {
  let world: TestWorld;
  let admin: Member;

  beforeAll(async () => {
    world = await startTestWorld({ questionsDir: "tests/fixtures/quiz-bank" });
    admin = world.guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
  });
  afterAll(() => world.close());

  it("posts at 07:30 New York time every day across both daylight-saving changes", async () => {
    const channelId = world.guild.createTextChannel({ name: "new-york" }).id;
    world.clock.set("2026-03-06T00:00:00Z");
    await admin.runCommand(world.guild.id, channelId, "quiz setup", {
      channel: channelId,
      time: "07:30",
      timezone: "America/New_York",
      exam: "SNGL-C01",
    });
    // 07:30 EST is 12:30 UTC; 07:30 EDT is 11:30 UTC. DST starts 2026-03-08 and ends 2026-11-01.
    const days = [
      ["2026-03-07", "2026-03-07T12:30:00Z"],
      ["2026-03-08", "2026-03-08T11:30:00Z"],
      ["2026-03-09", "2026-03-09T11:30:00Z"],
      ["2026-10-31", "2026-10-31T11:30:00Z"],
      ["2026-11-01", "2026-11-01T12:30:00Z"],
      ["2026-11-02", "2026-11-02T12:30:00Z"],
    ] as const;
    for (const [localDate, opensAt] of days) {
      world.clock.set(new Date(new Date(opensAt).getTime() - 60_000));
      await world.bot.scheduler.tick();
      world.clock.set(opensAt);
      await world.bot.scheduler.tick();
      await world.bot.scheduler.tick();
      const rows = await world.database.db
        .select({ localDate: postings.localDate, openedAt: postings.openedAt })
        .from(postings);
      expect(rows.filter((row) => row.localDate === localDate)).toEqual([
        { localDate, openedAt: new Date(opensAt) },
      ]);
    }
    // Between the jumps the clock passes other days' post times; each of those is posted once too.
    const all = await world.database.db.select({ localDate: postings.localDate }).from(postings);
    expect(new Set(all.map((row) => row.localDate)).size).toBe(all.length);
    const questions = world.server
      .messages(channelId)
      .filter((message) => message.embeds[0]?.title?.match(/ #\d+$/));
    expect(questions).toHaveLength(all.length);
  });

  it("posts exactly once per channel per day with two bot processes ticking at once", async () => {
    const second = await world.startAnother();
    const channelIds = ["tokyo-1", "tokyo-2", "tokyo-3"].map(
      (name) => world.guild.createTextChannel({ name }).id,
    );
    world.clock.set("2026-11-26T00:00:00Z");
    for (const channelId of channelIds) {
      await admin.runCommand(world.guild.id, channelId, "quiz setup", {
        channel: channelId,
        time: "07:30",
        timezone: "Asia/Tokyo",
        exam: "SNGL-C01",
      });
    }
    for (const opensAt of ["2026-11-26T22:30:00Z", "2026-11-27T22:30:00Z"]) {
      world.clock.set(opensAt);
      await Promise.all([world.bot.scheduler.tick(), second.scheduler.tick(), world.bot.scheduler.tick()]);
    }
    for (const channelId of channelIds) {
      const messages = world.server.messages(channelId);
      const titles = messages.map((message) => message.embeds[0]?.title ?? "");
      const questions = messages.filter((message) => / #\d+$/.test(message.embeds[0]?.title ?? ""));
      expect(questions.map((message) => message.embeds[0]?.footer?.text?.split(" · ").at(-1))).toEqual([
        "question 1 in this channel",
        "question 2 in this channel",
      ]);
      expect(titles.filter((title) => title.includes("Answer:"))).toHaveLength(1);
    }
  });
});
