import { PermissionFlagsBits } from "discord.js";
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { memberStats, postings } from "../../src/db/schema.js";
import type { Member, TestGuild } from "../../src/discord-server/index.js";
import { findQuestion } from "../../src/questions/find-question.js";
import type { TestWorld } from "../support/bot.js";
import { testWithWorld } from "../support/fixtures.js";

const emoji = { A: "🇦", B: "🇧", C: "🇨", D: "🇩" } as const;

/** A server of its own for each test, with a channel for the daily question and its organiser. */
const test = testWithWorld({ questionsDir: "tests/fixtures/quiz-bank" }).extend("quiz", async ({ guild }) => {
  const channelId = guild.createTextChannel({ name: "daily-question" }).id;
  const admin = guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
  return { channelId, run: quizIn(guild, admin, channelId) };
});

function quizIn(guild: TestGuild, admin: Member, channelId: string) {
  return (sub: string, options: Record<string, string | number | boolean> = {}) =>
    admin.runCommand(guild.id, channelId, `quiz ${sub}`, options);
}

/** On 26 November, sets up the channel's daily SNGL-C01 question at 07:30 Tokyo time, open for 12 hours. */
function setUpTokyo(world: TestWorld, quiz: { channelId: string; run: ReturnType<typeof quizIn> }) {
  world.clock.set("2026-11-26T00:00:00Z");
  return quiz.run("setup", {
    channel: quiz.channelId,
    time: "7:30",
    timezone: "Asia/Tokyo",
    exam: "SNGL-C01",
    window_hours: 12,
  });
}

/** Moves the clock to 07:30 in Tokyo on 27 November and ticks: the channel's question is posted. */
async function postAtTokyoMorning(world: TestWorld, channelId: string) {
  world.clock.set("2026-11-26T22:30:00Z");
  await world.bot.scheduler.tick();
  return world.server.nextMessage(channelId);
}

describe("the daily question", () => {
  test("refuses a setup with bad options, says what is wrong, and saves nothing", async ({ quiz }) => {
    const reply = await quiz.run("setup", {
      channel: quiz.channelId,
      time: "25:00",
      timezone: "Mars/Olympus",
      weekdays: "funday",
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("Nothing was saved");
    expect(reply.content).toContain("**time** `25:00`");
    expect(reply.content).toContain("**timezone** `Mars/Olympus`");
    expect(reply.content).toContain("**weekdays** `funday`");
    expect((await quiz.run("status")).content).toContain("No quiz channels yet");
  });

  test("posts the question at 07:30 Tokyo time with the answer reactions in order", async ({
    world,
    quiz,
  }) => {
    const { channelId } = quiz;
    const reply = await setUpTokyo(world, quiz);
    expect(reply.content).toContain("Set up the daily **SNGL-C01** question");

    world.clock.set("2026-11-26T22:29:00Z"); // 07:29 in Tokyo
    await world.bot.scheduler.tick();
    expect(world.server.messages(channelId)).toHaveLength(0);

    const posted = await postAtTokyoMorning(world, channelId);
    expect(posted.embeds[0]?.title).toMatch(/^SNGL-C01 #\d{3}$/);
    expect(posted.embeds[0]?.footer?.text).toContain("question 1 in this channel");
    expect(posted.embeds[0]?.description).toContain("🇦 Amazon S3");
    expect(posted.reactions.map((reaction) => reaction.emoji)).toEqual(["🇦", "🇧", "🇨", "🇩"]);

    await world.bot.scheduler.tick();
    expect(world.server.messages(channelId)).toHaveLength(1);
  });

  test("records answers from reactions, keeps one answer per member, and reveals and scores at close", async ({
    world,
    guild,
    quiz,
  }) => {
    const { channelId } = quiz;
    await setUpTokyo(world, quiz);
    const question = await postAtTokyoMorning(world, channelId);
    const [posting] = await world.database.db
      .select()
      .from(postings)
      .where(eq(postings.messageId, question.id));
    if (!posting?.messageId) throw new Error("no posting");
    const key = (await findQuestion(world.database.db, posting.questionId))?.question
      .answer[0] as keyof typeof emoji;
    const wrong = key === "A" ? "B" : "A";
    const [right1, right2, wrong1] = ["kim", "lee", "max"].map((username) => guild.addMember({ username }));
    if (!right1 || !right2 || !wrong1) throw new Error("members");

    await right1.react(channelId, posting.messageId, emoji[wrong]);
    await right1.react(channelId, posting.messageId, emoji[key]); // changes their mind
    await right2.react(channelId, posting.messageId, emoji[key]);
    await wrong1.react(channelId, posting.messageId, emoji[wrong]);
    await expect
      .poll(
        () =>
          world.server.message(posting.messageId ?? "")?.reactions.find((r) => r.emoji === emoji[wrong])
            ?.userIds,
      )
      .toEqual(expect.not.arrayContaining([right1.id]));

    world.clock.set("2026-11-27T10:30:00Z"); // 12 hours later
    await world.bot.scheduler.tick();
    const reveal = await world.server.nextMessage(channelId);
    const embed = reveal.embeds[0];
    expect(embed?.title).toMatch(new RegExp(`^SNGL-C01 #\\d{3} · Answer: ${key}$`));
    expect(embed?.description).toContain(`✅ **${key}**`);
    const spread = embed?.fields?.find((field) => field.name === "How the channel answered")?.value ?? "";
    expect(spread).toContain("3 members answered · 67% got it right");
    expect(spread).toMatch(new RegExp(`${emoji[key]} \`[█░]+\` 67% \\(2\\)`));
    expect(world.server.message(posting.messageId)?.embeds[0]?.description).toContain(
      `Closed — answer: **${key}**`,
    );
    // Nothing the bot posts can ping: allowed mentions are off on the question and the reveal.
    expect(reveal.allowedMentions).toMatchObject({ parse: [] });
    expect(world.server.message(posting.messageId)?.allowedMentions).toMatchObject({ parse: [] });

    const stats = await world.database.db.select().from(memberStats).where(eq(memberStats.guildId, guild.id));
    const byUser = new Map(stats.map((row) => [row.userId, row]));
    expect(byUser.get(right1.id)).toMatchObject({ points: 1, answered: 1, correct: 1, currentStreak: 1 });
    expect(byUser.get(wrong1.id)).toMatchObject({ points: 0, answered: 1, correct: 0, currentStreak: 0 });

    await world.bot.scheduler.tick();
    expect(world.server.messages(channelId)).toHaveLength(2);
  });
});
