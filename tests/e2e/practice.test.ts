import { PermissionFlagsBits } from "discord.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { answers, memberStats, studyItems, studySessions } from "../../src/db/schema.js";
import type { Member, MessageView } from "../../src/discord-server/index.js";
import type { Question } from "../../src/questions/question.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";
import { postQuestionNow } from "../support/quiz.js";
import { postedQuestions, questionsOf, shownQuestion, wrongLetter } from "../support/study.js";

const emoji: Record<string, string> = { A: "🇦", B: "🇧", C: "🇨", D: "🇩" };

describe("/practice through Discord", () => {
  let world: TestWorld;
  let channelId: string;
  let ada: Member;
  let single: Question[];
  let missedDaily: Question;
  let openDaily: Question;
  let admin: Member;

  beforeAll(async () => {
    world = await startTestWorld({ questionsDir: "tests/fixtures/quiz-bank" });
    const { db } = world.database;
    channelId = world.guild.createTextChannel({ name: "daily-question" }).id;
    ada = world.guild.addMember({ username: "ada" });
    admin = world.guild.addMember({
      username: "organiser",
      permissions: PermissionFlagsBits.ManageGuild,
    });
    single = await questionsOf(db, "SNGL-C01");
    await admin.runCommand(world.guild.id, channelId, "quiz setup", {
      channel: channelId,
      time: "09:00",
      timezone: "UTC",
      exam: "SNGL-C01",
      window_hours: 12,
    });
    // Day 1: ada answers the daily question wrong; day 2's question is open while she practises.
    world.clock.set("2026-11-26T09:00:00Z");
    await world.bot.scheduler.tick();
    const [first] = await postedQuestions(db);
    missedDaily = single.find((question) => question.id === first?.questionId) as Question;
    await ada.react(channelId, first?.messageId ?? "", emoji[wrongLetter(missedDaily)] ?? "🇦");
    await vi.waitFor(async () => {
      const recorded = await db.select().from(answers).where(eq(answers.userId, ada.id));
      if (recorded.length === 0) throw new Error("the reaction is not recorded yet");
    });
    world.clock.set("2026-11-27T09:00:00Z");
    await world.bot.scheduler.tick();
    const second = (await postedQuestions(db))[1];
    openDaily = single.find((question) => question.id === second?.questionId) as Question;
  });
  afterAll(() => world.close());

  const practise = (member: Member, options: Record<string, string | number> = {}) =>
    member.runCommand(world.guild.id, channelId, "practice", options);
  const click = (member: Member, view: MessageView, label: string) =>
    member.clickButtonLabelled(channelId, view.id, label);

  it("serves the missed daily question before an unseen one, and never the open daily question", async () => {
    const [closed] = await world.database.db.select().from(memberStats).where(eq(memberStats.userId, ada.id));
    expect(closed).toMatchObject({ answered: 1, correct: 0 });

    const first = await practise(ada, { count: 3 });
    expect(first.ephemeral).toBe(true);
    expect(first.embeds[0]?.title).toBe("SNGL-C01 practice · question 1 of 3");
    expect(shownQuestion(first, single).id).toBe(missedDaily.id);
    expect(first.embeds[0]?.description).toContain("You missed this one before");
    expect(first.buttons.map((b) => b.label)).toEqual(["A", "B", "C", "D", "Stop"]);
    // Members never see a question's file id; custom ids carry no answer.
    expect(JSON.stringify(first.embeds)).not.toContain(missedDaily.id);
    expect(first.buttons.map((b) => b.customId).join(" ")).not.toMatch(/answer|correct|key/);

    const feedback = await click(ada, first, missedDaily.answer[0] ?? "A");
    expect(feedback.id).toBe(first.id);
    expect(feedback.embeds[0]?.title).toBe("SNGL-C01 practice · question 1 of 3 · ✅ right");
    expect(feedback.embeds[0]?.description).toContain(`**Answer: ${missedDaily.answer[0]}**`);
    for (const letter of ["A", "B", "C", "D"])
      expect(feedback.embeds[0]?.description).toContain(missedDaily.explanations[letter as "A"]);
    expect(feedback.embeds[0]?.fields?.[0]?.value).toContain(missedDaily.references[0]);

    const shown = [missedDaily.id];
    let view = await click(ada, feedback, "Next");
    for (let position = 2; position <= 3; position += 1) {
      expect(view.embeds[0]?.title).toBe(`SNGL-C01 practice · question ${position} of 3`);
      const question = shownQuestion(view, single);
      shown.push(question.id);
      view = await click(ada, view, wrongLetter(question));
      expect(view.embeds[0]?.title).toContain("❌ not quite");
      view = await click(ada, view, position === 3 ? "Finish" : "Next");
    }
    expect(shown).not.toContain(openDaily.id);
    expect(shown[1]).not.toBe(missedDaily.id);
    expect(view.embeds[0]?.title).toBe("SNGL-C01 practice · finished");
    expect(view.embeds[0]?.description).toContain("**1 of 3** right");
    expect(view.buttons).toEqual([]);
  });

  it("scores a choose-two answer only as the exact set, with Submit enabled at two letters", async () => {
    const bob = world.guild.addMember({ username: "bob" });
    const multiple = await questionsOf(world.database.db, "MULT-C01");
    const results: string[] = [];
    let view = await practise(bob, { exam: "mult-c01", count: 2 });
    for (const attempt of ["one right, one wrong", "exact set"]) {
      const question = shownQuestion(view, multiple);
      const [right, other] = question.answer;
      const picks = attempt === "exact set" ? [right, other] : [right, wrongLetter(question)];
      view = await click(bob, view, picks[0] ?? "A");
      expect(view.buttons.find((b) => b.label.startsWith("Submit"))).toMatchObject({
        label: "Submit (1/2)",
        disabled: true,
      });
      view = await click(bob, view, picks[1] ?? "B");
      // A third letter is not taken while two are picked.
      const third = ["A", "B", "C", "D"].find((letter) => !picks.includes(letter as never)) ?? "D";
      view = await click(bob, view, third);
      expect(view.buttons.filter((b) => b.style === 1).map((b) => b.label)).toEqual(
        [...(picks as string[])].sort(),
      );
      view = await click(bob, view, "Submit (2/2)");
      results.push(view.embeds[0]?.title ?? "");
      view = await click(bob, view, attempt === "exact set" ? "Finish" : "Next");
    }
    expect(results[0]).toContain("❌ not quite");
    expect(results[1]).toContain("✅ right");
    const scored = await world.database.db
      .select({ choices: studyItems.choices, correct: studyItems.correct })
      .from(studyItems)
      .innerJoin(studySessions, eq(studySessions.id, studyItems.sessionId))
      .where(eq(studySessions.userId, bob.id))
      .orderBy(studyItems.position);
    expect(scored.map((row) => [row.choices.length, row.correct])).toEqual([
      [2, false],
      [2, true],
    ]);
  });

  it("rejects a forged custom id: another member's session, a letter that is not an option, an unknown feature", async () => {
    const cy = world.guild.addMember({ username: "cy" });
    const dee = world.guild.addMember({ username: "dee" });
    const mine = await practise(cy, { count: 2 });
    await practise(dee, { count: 2 });
    const [deeSession] = await world.database.db
      .select()
      .from(studySessions)
      .where(eq(studySessions.userId, dee.id));
    const forged = [
      `practice:pick:${deeSession?.id}:1:A`,
      `practice:next:${deeSession?.id}:1`,
      `practice:pick:${mine.buttons[0]?.customId.split(":")[2]}:1:Z`,
    ];
    for (const customId of forged) {
      const refusal = await cy.forgeButtonClick(channelId, mine.id, customId);
      expect(refusal).toMatchObject({
        ephemeral: true,
        content: "That button is not part of a practice session of yours.",
      });
    }
    const unknown = await cy.forgeButtonClick(channelId, mine.id, "nothing:here:1");
    expect(unknown.content).toBe("This button is no longer in use.");
    const answered = await world.database.db
      .select()
      .from(studyItems)
      .where(eq(studyItems.sessionId, deeSession?.id ?? 0));
    expect(answered.map((item) => item.choices)).toEqual([""]);
    // The session's own message is left as it was.
    expect(world.server.message(mine.id)?.history).toHaveLength(mine.history.length);
  });

  it("resumes the session with /practice after the message is gone, where the member left off", async () => {
    const eve = world.guild.addMember({ username: "eve" });
    const first = await practise(eve, { count: 2 });
    const question = shownQuestion(first, single);
    await click(eve, first, question.answer[0] ?? "A");
    const resumed = await practise(eve);
    expect(resumed.id).not.toBe(first.id);
    expect(resumed.embeds[0]?.title).toBe("SNGL-C01 practice · question 1 of 2 · ✅ right");
    const next = await click(eve, resumed, "Next");
    expect(next.embeds[0]?.title).toBe("SNGL-C01 practice · question 2 of 2");
  });

  it("keeps practice answers out of /leaderboard, and shows them in /stats beside the daily figures", async () => {
    // Fay answers a daily question of her own channel wrong, then practises; gus only practises.
    const fay = world.guild.addMember({ username: "fay" });
    const gus = world.guild.addMember({ username: "gus" });
    const daily = await postQuestionNow(world, admin, "fays-daily", { exam: "SNGL-C01" });
    const wrong = ["A", "B", "C", "D"].find((letter) => !daily.key.includes(letter as never)) ?? "A";
    await fay.react(daily.channelId, daily.messageId, emoji[wrong] ?? "🇦");
    await expect
      .poll(
        async () => (await world.database.db.select().from(answers).where(eq(answers.userId, fay.id))).length,
      )
      .toBe(1);
    expect((await daily.run("close-now")).content).toContain("Closed the open question");

    let view = await practise(fay, { count: 3 });
    for (let position = 1; position <= 3; position += 1) {
      const question = shownQuestion(view, single);
      view = await click(fay, view, position === 1 ? (question.answer[0] ?? "A") : wrongLetter(question));
      view = await click(fay, view, position === 3 ? "Finish" : "Next");
    }
    expect(view.embeds[0]?.description).toContain("**1 of 3** right");
    const only = await practise(gus, { count: 1 });
    const right = await click(gus, only, shownQuestion(only, single).answer[0] ?? "A");
    expect(right.embeds[0]?.title).toContain("✅ right");
    await click(gus, right, "Finish");

    const board = await fay.runCommand(world.guild.id, channelId, "leaderboard", { period: "all" });
    const text = board.embeds[0]?.description ?? "";
    // Fay's one daily answer was wrong; her right practice answer scores nothing. Gus only practised.
    expect(text).toContain(`<@${fay.id}> — **0** pts · 0% of 1`);
    expect(text).not.toContain(`<@${gus.id}>`);
    // Only daily answers make totals: ada's and fay's, and none for anyone who only practised.
    const stats = await world.database.db
      .select()
      .from(memberStats)
      .where(eq(memberStats.guildId, world.guild.id));
    expect(stats.map((row) => [row.userId, row.points, row.answered]).sort()).toEqual(
      [
        [ada.id, 0, 1],
        [fay.id, 0, 1],
      ].sort(),
    );

    const mine = await fay.runCommand(world.guild.id, channelId, "stats");
    const fields = mine.embeds[0]?.fields ?? [];
    expect(fields.find((field) => field.name === "Points")?.value).toBe("0");
    expect(fields.find((field) => field.name === "Practice")?.value).toBe(
      "3 answered · 33% right · 1 session",
    );
    // Readiness counts the daily answer and the practice answers: 4 answers of SNGL-C01.
    expect(fields.find((field) => field.name === "SNGL-C01 readiness")?.value).toContain(
      "A projected score appears after 20 answers on SNGL-C01 (4 so far).",
    );
  });
});
