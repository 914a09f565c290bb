import { PermissionFlagsBits } from "discord.js";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answers, memberStats } from "../../src/db/schema.js";
import type { Member } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";
import { answerEmoji as emoji, postQuestionNow } from "../support/quiz.js";

/** Answers that must not be lost on the paths members and operators actually take. */
describe("no answer lost", () => {
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

  const storedAnswers = async (postingId: number) =>
    new Map(
      (await world.database.db.select().from(answers).where(eq(answers.postingId, postingId))).map((a) => [
        a.userId,
        a.choices,
      ]),
    );
  const members = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, n) => world.guild.addMember({ username: `${prefix}${n}` }));
  /** Who holds which letters on a message, as Discord shows it. */
  const letterOf = new Map(Object.entries(emoji).map(([letter, shown]) => [shown, letter]));
  const holders = (messageId: string) => {
    const held = new Map<string, string>();
    for (const reaction of world.server.message(messageId)?.reactions ?? [])
      for (const userId of reaction.userIds.filter((id) => id !== world.server.bot.id))
        held.set(userId, [...(held.get(userId) ?? ""), letterOf.get(reaction.emoji) ?? "?"].sort().join(""));
    return held;
  };

  it("keeps every hidden choose-two answer across a restart, a gateway reconnect and duplicate deliveries", async () => {
    const q = await postedQuestion("hidden-two", { exam: "MULT-C01", hidden_answers: true });
    // The bot loses Manage Messages after setup, so the reactions it records stay on the message.
    world.guild.denyBot(q.channelId, PermissionFlagsBits.ManageMessages);
    const pairs = ["AB", "AC", "BD", "CD", "AD", "BC", "AB", "CD", "AC", "BD"];
    const group = members("hidden", pairs.length);
    for (const [n, member] of group.entries())
      for (const letter of pairs[n] ?? "") await member.react(q.channelId, q.messageId, emoji[letter] ?? "");
    const expected = new Map(group.map((member, n) => [member.id, pairs[n] ?? ""]));
    await expect.poll(() => storedAnswers(q.postingId)).toEqual(expected);

    expect(world.server.redeliverReactionAdds(q.messageId)).toBeGreaterThan(0);
    // A later reaction is handled after the duplicates, in order: once it is recorded, they were too.
    const [late] = members("late", 1);
    await late?.react(q.channelId, q.messageId, emoji.E ?? "");
    await expect.poll(async () => (await storedAnswers(q.postingId)).get(late?.id ?? "")).toBe("E");
    expected.set(late?.id ?? "", "E");
    expect(await storedAnswers(q.postingId)).toEqual(expected);

    await world.restart(); // start-up reconciles the reactions still on the message
    expect(await storedAnswers(q.postingId)).toEqual(expected);

    const sessions = () => world.server.stats.resumes + world.server.stats.identifies;
    const before = sessions();
    world.server.dropGateway();
    await expect.poll(sessions, { timeout: 15_000 }).toBeGreaterThan(before);
    await world.bot.quiz.reconcile(); // what the bot runs after every resume, awaited here
    expect(await storedAnswers(q.postingId)).toEqual(expected);

    expect((await q.run("close-now")).content).toContain("Closed the open question");
    const reveal = await world.server.nextMessage(q.channelId);
    expect(reveal.embeds[0]?.fields?.[0]?.value).toContain("11 members answered");
  });

  it("scores answers given while the database was failing, when the question closes right after", async () => {
    const q = await postedQuestion("outage", { exam: "SNGL-C01" });
    const db = world.database.db;
    await db.execute(sql`alter table answers rename to answers_away`);
    const group = members("outage", 40);
    const choice = new Map<string, string>();
    for (const [n, member] of group.entries()) {
      const letter = "ABCD"[n % 4] ?? "A";
      await member.react(q.channelId, q.messageId, emoji[letter] ?? "");
      choice.set(member.id, letter);
    }
    // Ten change their minds while the database is still failing.
    for (const member of group.slice(0, 10)) {
      await member.unreact(q.channelId, q.messageId, emoji[choice.get(member.id) ?? "A"] ?? "");
      await member.react(q.channelId, q.messageId, emoji.D ?? "");
      choice.set(member.id, "D");
    }
    await expect.poll(() => world.bot.quiz.answers.pending, { timeout: 10_000 }).toBeGreaterThanOrEqual(60);
    await db.execute(sql`alter table answers_away rename to answers`);

    expect((await q.run("close-now")).content).toContain("Closed the open question");
    const reveal = await world.server.nextMessage(q.channelId);
    expect(reveal.embeds[0]?.fields?.[0]?.value).toContain("40 members answered");
    const stored = await db.select().from(answers).where(eq(answers.postingId, q.postingId));
    expect(new Map(stored.map((a) => [a.userId, a.choices]))).toEqual(choice);
    for (const answer of stored) expect(answer.correct).toBe(answer.choices === q.key.join(""));
  });

  it("scores what was recorded when the question message is deleted, and says so in /quiz status", async () => {
    const q = await postedQuestion("deleted", { exam: "SNGL-C01" });
    const group = members("deleted", 3);
    for (const member of group) await member.react(q.channelId, q.messageId, emoji.A ?? "");
    await expect.poll(async () => (await storedAnswers(q.postingId)).size).toBe(3);
    world.guild.deleteMessage(q.messageId);

    expect((await q.run("close-now")).content).toContain("Closed the open question");
    const scored = await world.database.db.select().from(memberStats);
    for (const member of group) expect(scored.find((row) => row.userId === member.id)?.answered).toBe(1);
    const status = await q.run("status");
    const line = status.content.split("\n").find((text) => text.includes(`<#${q.channelId}>`));
    expect(line).toContain(
      "message was deleted before it closed; the answers recorded until then were scored",
    );
  });

  it("never stores two letters for a single-answer question answered while the bot was down", async () => {
    const q = await postedQuestion("down", { exam: "SNGL-C01" });
    const [recorded, fresh] = members("down", 2);
    if (!recorded || !fresh) throw new Error("members");
    await recorded.react(q.channelId, q.messageId, emoji.B ?? "");
    await expect.poll(async () => (await storedAnswers(q.postingId)).get(recorded.id)).toBe("B");

    await world.restart(async () => {
      await recorded.react(q.channelId, q.messageId, emoji.D ?? "");
      await fresh.react(q.channelId, q.messageId, emoji.A ?? "");
      await fresh.react(q.channelId, q.messageId, emoji.C ?? "");
    });
    const stored = await storedAnswers(q.postingId);
    // The recorded answer is kept; several letters with none recorded are no answer at all.
    expect(stored.get(recorded.id)).toBe("B");
    expect(stored.get(fresh.id) ?? "").toBe("");
    await expect.poll(() => holders(q.messageId).get(recorded.id)).toBe("B");
    await expect.poll(() => holders(q.messageId).get(fresh.id)).toBeUndefined();
  });

  it("records every answer of a 600-reaction burst while members' commands are still answered", async () => {
    const q = await postedQuestion("burst", { exam: "SNGL-C01" });
    const group = members("burst", 300);
    const choice = new Map<string, string>();
    const reactions = group.map(async (member, n) => {
      const first = "ABCD"[n % 4] ?? "A";
      const second = "ABCD"[(n + 1) % 4] ?? "B";
      await member.react(q.channelId, q.messageId, emoji[first] ?? "");
      await member.react(q.channelId, q.messageId, emoji[second] ?? "");
      choice.set(member.id, second);
    });
    const commands = group
      .slice(0, 5)
      .map((member) =>
        member.runCommand(world.guild.id, q.channelId, "leaderboard", {}, { timeoutMs: 20_000 }),
      );
    await Promise.all(reactions);
    for (const reply of await Promise.all(commands))
      expect(reply.embeds[0]?.title).toMatch(/^Leaderboard · /);
    await expect.poll(() => storedAnswers(q.postingId), { timeout: 20_000 }).toEqual(choice);
  });

  it("offers members the numbers of questions revealed in this server, and only those", async () => {
    // A server of its own: nothing has been revealed there yet.
    const guild = world.server.createGuild({ name: "fresh-server" });
    const owner = guild.addMember({ username: "owner", permissions: PermissionFlagsBits.ManageGuild });
    const member = guild.addMember({ username: "curious" });
    const channelId = guild.createTextChannel({ name: "daily" }).id;
    const run = (sub: string, extra = {}) => owner.runCommand(guild.id, channelId, `quiz ${sub}`, extra);
    await run("setup", { channel: channelId, time: "09:00", timezone: "UTC", exam: "SNGL-C01" });
    expect((await run("post-now")).content).toContain("Posted today's question");
    const posted = await world.server.nextMessage(channelId);
    const offered = () =>
      member.autocomplete(guild.id, channelId, "question report", { reason: "x", question: "" }, "question");
    expect(await offered()).toEqual([]);
    expect((await run("close-now")).content).toContain("Closed the open question");
    const after = await offered();
    expect(after.map((choice) => choice.value)).toEqual([posted.embeds[0]?.title]);
    expect(after[0]?.name).toMatch(/^SNGL-C01 #\d{3} — \S/);
  });
  it("shows a member their hidden answer privately with the My answer button, and nobody else's", async () => {
    const q = await postedQuestion("my-answer", { exam: "SNGL-C01", hidden_answers: true });
    const [answerer, other] = members("private", 2);
    if (!answerer || !other) throw new Error("members");
    await answerer.react(q.channelId, q.messageId, emoji.C ?? "");
    await expect.poll(async () => (await storedAnswers(q.postingId)).get(answerer.id)).toBe("C");

    const mine = await answerer.clickButtonLabelled(q.channelId, q.messageId, "My answer");
    expect(mine.ephemeral).toBe(true);
    expect(mine.content).toBe(
      "Your recorded answer: **C**. Only you can see this; react again to change it.",
    );
    expect(other.messages(q.channelId).some((message) => message.content.includes("**C**"))).toBe(false);
    const stats = await answerer.runCommand(world.guild.id, q.channelId, "stats");
    expect(stats.content).toBe(
      "Your answer to the open question is recorded; it is scored, and shows here, when the question closes.",
    );
    const theirs = await other.clickButtonLabelled(q.channelId, q.messageId, "My answer");
    expect(theirs.content).toContain("No answer is recorded for you yet");
    // A click forged to name another posting is refused: the button only speaks of its own question.
    const forged = await answerer.forgeButtonClick(
      q.channelId,
      q.messageId,
      `quiz:my-answer:${q.postingId + 1000}`,
    );
    expect(forged.content).toBe("That button does not belong to a daily question.");
  });
});
