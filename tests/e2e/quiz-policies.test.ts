import { PermissionFlagsBits } from "discord.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answers, quizChannels } from "../../src/db/schema.js";
import type { Member } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";
import { answerEmoji as emoji, postQuestionNow } from "../support/quiz.js";

describe("answer policies and channel problems", () => {
  let world: TestWorld;
  let admin: Member;

  beforeAll(async () => {
    world = await startTestWorld({ questionsDir: "tests/fixtures/quiz-bank" });
    world.clock.set("2026-11-26T12:00:00Z");
    admin = world.guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
  });
  afterAll(() => world.close());

  const postedQuestion = (name: string, options: Record<string, string | number | boolean>) =>
    postQuestionNow(world, admin, name, options);

  const answerOf = async (postingId: number, userId: string) =>
    (await world.database.db.select().from(answers).where(eq(answers.postingId, postingId))).find(
      (a) => a.userId === userId,
    );

  it("scores a multiple-response question only when the member chose exactly the right set", async () => {
    const q = await postedQuestion("multi", { exam: "MULT-C01" });
    expect(world.server.message(q.messageId)?.embeds[0]?.description).toContain("**Choose two.**");
    const [exact, partial, extra] = ["exact", "partial", "extra"].map((username) =>
      world.guild.addMember({ username }),
    );
    if (!exact || !partial || !extra) throw new Error("members");
    const [first, second] = q.key as [string, string];
    const other = ["A", "B", "C", "D"].find((letter) => !q.key.includes(letter as never)) ?? "A";
    for (const letter of [first, second]) await exact.react(q.channelId, q.messageId, emoji[letter] ?? "");
    await partial.react(q.channelId, q.messageId, emoji[first] ?? "");
    for (const letter of [first, second, other])
      await extra.react(q.channelId, q.messageId, emoji[letter] ?? "");
    await expect.poll(async () => (await answerOf(q.postingId, extra.id))?.choices.length).toBe(3);

    expect((await q.run("close-now")).content).toContain("Closed the open question");
    const reveal = await world.server.nextMessage(q.channelId);
    expect(reveal.embeds[0]?.title).toContain(`Answers: ${first} and ${second}`);
    expect(await answerOf(q.postingId, exact.id)).toMatchObject({ correct: true });
    expect(await answerOf(q.postingId, partial.id)).toMatchObject({ correct: false });
    expect(await answerOf(q.postingId, extra.id)).toMatchObject({ correct: false });
  });

  it("keeps the first answer under the first policy and takes the extra reaction away", async () => {
    const q = await postedQuestion("first-policy", { exam: "SNGL-C01", answer_policy: "first" });
    const member = world.guild.addMember({ username: "quick" });
    await member.react(q.channelId, q.messageId, emoji.A ?? "");
    await expect.poll(async () => (await answerOf(q.postingId, member.id))?.locked).toBe(true);
    await member.react(q.channelId, q.messageId, emoji.B ?? "");
    await expect
      .poll(() => world.server.message(q.messageId)?.reactions.find((r) => r.emoji === emoji.B)?.userIds)
      .not.toContain(member.id);
    expect(await answerOf(q.postingId, member.id)).toMatchObject({ choices: "A", locked: true });
  });

  it("hides answers: records each reaction, removes it, and shows a live count", async () => {
    const q = await postedQuestion("hidden", { exam: "SNGL-C01", hidden_answers: true });
    expect(world.server.message(q.messageId)?.embeds[0]?.description).toContain("0 answers so far");
    const members = ["h1", "h2", "h3"].map((username) => world.guild.addMember({ username }));
    for (const member of members) await member.react(q.channelId, q.messageId, emoji.C ?? "");
    await expect
      .poll(() => world.server.message(q.messageId)?.reactions.find((r) => r.emoji === emoji.C)?.userIds)
      .toEqual([world.server.bot.id]);
    await expect
      .poll(() => world.server.message(q.messageId)?.embeds[0]?.description, { timeout: 8_000 })
      .toContain("3 answers so far");
    for (const member of members)
      expect(await answerOf(q.postingId, member.id)).toMatchObject({ choices: "C" });
  });

  it("refuses to set up a channel where the bot may not post, naming the missing permissions", async () => {
    const locked = world.guild.createTextChannel({
      name: "read-only",
      overwrites: [
        {
          id: world.guild.botRoleId,
          type: "role",
          deny: PermissionFlagsBits.SendMessages | PermissionFlagsBits.AddReactions,
        },
      ],
    });
    const reply = await admin.runCommand(world.guild.id, locked.id, "quiz setup", {
      channel: locked.id,
      time: "09:00",
      timezone: "UTC",
    });
    expect(reply.content).toContain("Nothing was saved");
    expect(reply.content).toContain("I am missing **Send Messages, Add Reactions**");
    const saved = await world.database.db
      .select()
      .from(quizChannels)
      .where(eq(quizChannels.channelId, locked.id));
    expect(saved).toEqual([]);
  });

  it("records a Discord refusal for /quiz status in plain words, keeps running, and retries later", async () => {
    const channel = world.guild.createTextChannel({ name: "revoked" });
    const run = (sub: string, extra = {}) =>
      admin.runCommand(world.guild.id, channel.id, `quiz ${sub}`, extra);
    await run("setup", { channel: channel.id, time: "12:00", timezone: "UTC", exam: "SNGL-C01" });
    world.server.failNextRequests(20, { status: 500 });
    await world.bot.scheduler.tick();
    world.server.failNextRequests(0);
    const status = await run("status");
    const line = status.content.split("\n").find((text) => text.includes(`<#${channel.id}>`));
    expect(line).toMatch(/— \*\*SNGL-C01\*\* at 12:00 UTC, every day.*⚠️ posting the question/);
    // The admin reads our words, not the library's error text.
    expect(line).toContain("⚠️ posting the question: Discord did not answer (HTTP 500); I will try again");
    world.clock.advance(5 * 60_000);
    await world.bot.scheduler.tick();
    const posted = await world.server.nextMessage(channel.id);
    expect(posted.embeds[0]?.title).toMatch(/^SNGL-C01 #\d{3}$/);
  });

  it("autocompletes time zones and exam tracks, and pauses, resumes and removes a channel", async () => {
    const channel = world.guild.createTextChannel({ name: "lifecycle" });
    const zones = await admin.autocomplete(
      world.guild.id,
      channel.id,
      "quiz setup",
      { timezone: "tokyo" },
      "timezone",
    );
    expect(zones.map((choice) => choice.value)).toEqual(["Asia/Tokyo"]);
    const exams = await admin.autocomplete(world.guild.id, channel.id, "quiz setup", { exam: "c01" }, "exam");
    expect(exams.map((choice) => choice.value).sort()).toEqual(["MULT-C01", "SNGL-C01"]);

    const run = (sub: string, extra = {}) =>
      admin.runCommand(world.guild.id, channel.id, `quiz ${sub}`, extra);
    world.clock.set("2026-11-30T08:00:00Z");
    await run("setup", {
      channel: channel.id,
      time: "09:00",
      timezone: "UTC",
      exam: "SNGL-C01",
      weekdays: "mon-fri",
    });
    expect((await run("pause")).content).toContain("Paused the daily question");
    world.clock.set("2026-11-30T09:00:00Z");
    await world.bot.scheduler.tick();
    expect(world.server.messages(channel.id)).toHaveLength(0);
    const paused = (await run("status")).content
      .split("\n")
      .find((line) => line.includes(`<#${channel.id}>`));
    expect(paused).toContain("Mon–Fri · ⏸️ paused");

    expect((await run("resume")).content).toContain("back on");
    await world.bot.scheduler.tick();
    expect((await world.server.nextMessage(channel.id)).embeds[0]?.title).toMatch(/^SNGL-C01 #\d{3}$/);

    expect((await run("remove")).content).toContain("no longer gets a daily question");
    expect((await run("pause")).content).toContain("is not a quiz channel");
  });

  it("pauses a quiz channel whose Discord channel was deleted, and says so in /quiz status", async () => {
    const doomed = world.guild.createTextChannel({ name: "doomed" });
    const here = world.guild.createTextChannel({ name: "admin-room" });
    world.clock.set("2026-12-01T08:00:00Z");
    await admin.runCommand(world.guild.id, here.id, "quiz setup", {
      channel: doomed.id,
      time: "09:00",
      timezone: "UTC",
      exam: "SNGL-C01",
    });
    world.guild.deleteChannel(doomed.id);
    world.clock.set("2026-12-01T09:00:00Z");
    await world.bot.scheduler.tick();
    const [saved] = await world.database.db
      .select()
      .from(quizChannels)
      .where(eq(quizChannels.channelId, doomed.id));
    expect(saved).toMatchObject({ paused: true, lastError: expect.stringContaining("no longer exists") });
    const status = await admin.runCommand(world.guild.id, here.id, "quiz status");
    const line = status.content.split("\n").find((text) => text.includes(`<#${doomed.id}>`));
    expect(line).toMatch(/⏸️ paused.*⚠️ .*no longer exists/);
  });
});
