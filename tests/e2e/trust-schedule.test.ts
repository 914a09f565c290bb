import { PermissionFlagsBits } from "discord.js";
import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postings, quizChannels } from "../../src/db/schema.js";
import type { Member } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

/** What an admin is told about the next question is what happens, and a channel never gets two for a day. */
describe("posting once, when announced", () => {
  let world: TestWorld;
  let admin: Member;

  beforeAll(async () => {
    world = await startTestWorld({ questionsDir: "tests/fixtures/quiz-bank" });
    admin = world.guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
  });
  afterAll(() => world.close());

  const openPostingsIn = async (channelId: string) => {
    const [channel] = await world.database.db
      .select()
      .from(quizChannels)
      .where(eq(quizChannels.channelId, channelId));
    const open = await world.database.db.select().from(postings).where(isNull(postings.closedAt));
    return open.filter((posting) => posting.quizChannelId === channel?.id);
  };
  const unixOf = (text: string) => Number(/<t:(\d+):F>/.exec(text)?.[1] ?? Number.NaN);

  it("does not post a day whose post time passed before setup, and posts at the announced time", async () => {
    const channelId = world.guild.createTextChannel({ name: "late-setup" }).id;
    world.clock.set("2026-12-03T12:00:00Z"); // 07:30 UTC passed four and a half hours ago
    const setup = await admin.runCommand(world.guild.id, channelId, "quiz setup", {
      channel: channelId,
      time: "07:30",
      timezone: "UTC",
      exam: "SNGL-C01",
    });
    expect(unixOf(setup.content)).toBe(Date.parse("2026-12-04T07:30:00Z") / 1000);
    await world.bot.scheduler.tick();
    world.clock.advance(60_000);
    await world.bot.scheduler.tick();
    expect(world.server.messages(channelId)).toHaveLength(0);

    world.clock.set("2026-12-04T07:30:00Z");
    await world.bot.scheduler.tick();
    expect(world.server.messages(channelId)).toHaveLength(1);
  });

  it("keeps one open question after setup then post-now, and says when the next one comes", async () => {
    const channelId = world.guild.createTextChannel({ name: "setup-then-now" }).id;
    world.clock.set("2026-12-05T12:00:00Z");
    const run = (sub: string, extra = {}) =>
      admin.runCommand(world.guild.id, channelId, `quiz ${sub}`, extra);
    await run("setup", { channel: channelId, time: "07:30", timezone: "UTC", exam: "SNGL-C01" });
    const posted = await run("post-now");
    expect(posted.content).toContain("Posted today's question");
    // Today's scheduled post is used up by post-now: the next one is tomorrow's, as /quiz status says too.
    const tomorrow = Date.parse("2026-12-06T07:30:00Z") / 1000;
    expect(unixOf(posted.content)).toBe(tomorrow);
    const status = (await run("status")).content.split("\n").find((line) => line.includes(channelId)) ?? "";
    expect(status).toContain(`<t:${tomorrow}:f>`);
    for (const minutes of [1, 2, 3]) {
      world.clock.set(new Date(Date.parse("2026-12-05T12:00:00Z") + minutes * 60_000));
      await world.bot.scheduler.tick();
    }
    expect(await openPostingsIn(channelId)).toHaveLength(1);

    const again = await run("post-now");
    expect(again.content).toContain("is already open until");
    expect(again.content).toContain("`/quiz close-now` closes it");
    expect((await run("close-now")).content).toContain("Closed the open question");
    const closed = await run("post-now");
    expect(closed.content).toContain("was already posted and has closed");
    expect(closed.content).not.toContain("close-now");
    expect(unixOf(closed.content)).toBe(tomorrow);

    world.clock.set("2026-12-06T07:30:00Z");
    await world.bot.scheduler.tick();
    expect(await openPostingsIn(channelId)).toHaveLength(1);
    expect(
      world.server.messages(channelId).filter((m) => / #\d+$/.test(m.embeds[0]?.title ?? "")),
    ).toHaveLength(2);
  });

  it("does not post what opened while a channel was paused when it is resumed", async () => {
    const channelId = world.guild.createTextChannel({ name: "paused-day" }).id;
    world.clock.set("2026-12-07T06:00:00Z");
    const run = (sub: string, extra = {}) =>
      admin.runCommand(world.guild.id, channelId, `quiz ${sub}`, extra);
    await run("setup", { channel: channelId, time: "07:30", timezone: "UTC", exam: "SNGL-C01" });
    await run("pause");
    world.clock.set("2026-12-07T09:00:00Z");
    await run("resume");
    await world.bot.scheduler.tick();
    expect(world.server.messages(channelId)).toHaveLength(0);
  });

  it("changes only the options given when setup runs again, and shows what it was", async () => {
    const channelId = world.guild.createTextChannel({ name: "rerun" }).id;
    world.clock.set("2026-12-07T06:00:00Z");
    const run = (extra: Record<string, string | number | boolean>) =>
      admin.runCommand(world.guild.id, channelId, "quiz setup", { channel: channelId, ...extra });
    await run({
      time: "07:30",
      timezone: "UTC",
      exam: "SNGL-C01",
      hidden_answers: true,
      answer_policy: "first",
    });
    const changed = await run({ time: "08:15" });
    expect(changed.content).toContain("Updated");
    expect(changed.content).toContain(
      "• SNGL-C01 at 08:15 UTC, every day; open for 24 h; first answer counts; answers hidden",
    );
    expect(changed.content).toContain(
      "• Was: SNGL-C01 at 07:30 UTC, every day; open for 24 h; first answer counts; answers hidden",
    );
    const [saved] = await world.database.db
      .select()
      .from(quizChannels)
      .where(eq(quizChannels.channelId, channelId));
    expect(saved).toMatchObject({ postTime: "08:15", hiddenAnswers: true, answerPolicy: "first" });
    const fresh = world.guild.createTextChannel({ name: "needs-time" }).id;
    const missing = await admin.runCommand(world.guild.id, fresh, "quiz setup", { channel: fresh });
    expect(missing.content).toContain("**time** is needed for a new quiz channel");
  });
});
