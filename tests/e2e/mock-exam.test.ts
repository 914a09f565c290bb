import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { studySessions } from "../../src/db/schema.js";
import type { Member, MessageView } from "../../src/discord-server/index.js";
import type { Question } from "../../src/questions/question.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";
import { questionsOf, shownQuestion } from "../support/study.js";

describe("/exam mock exams through Discord", () => {
  let world: TestWorld;
  let channelId: string;
  let bank: Question[];

  beforeAll(async () => {
    world = await startTestWorld();
    channelId = world.guild.createTextChannel({ name: "study" }).id;
    bank = await questionsOf(world.database.db, "AIP-C01");
  });
  afterAll(() => world.close());

  const exam = (member: Member, sub: string, options: Record<string, string | number> = {}) =>
    member.runCommand(world.guild.id, channelId, `exam ${sub}`, options);
  const click = (member: Member, view: MessageView, label: string) =>
    member.clickButtonLabelled(channelId, view.id, label);
  /** Picks the key of the question on screen (both letters of a choose-two), without any feedback. */
  async function answerRight(member: Member, view: MessageView): Promise<MessageView> {
    let current = view;
    for (const letter of shownQuestion(view, bank).answer) current = await click(member, current, letter);
    return current;
  }
  const sessionOf = async (member: Member) =>
    (await world.database.db.select().from(studySessions).where(eq(studySessions.userId, member.id)))[0];

  it("finishes a 10-question mock at the deadline, counting unanswered questions wrong", async () => {
    const ada = world.guild.addMember({ username: "ada" });
    world.clock.set("2026-11-26T10:00:00Z");
    let view = await exam(ada, "start", { exam: "AIP-C01", size: 10 });
    const deadline = Date.parse("2026-11-26T10:24:00Z") / 1000;
    expect(view.ephemeral).toBe(true);
    expect(view.embeds[0]?.title).toBe("AIP-C01 mock exam · question 1 of 10");
    expect(view.embeds[0]?.description).toContain(`<t:${deadline}:R>`);
    expect(view.buttons.map((b) => b.label)).toContain("Finish");
    for (let position = 1; position <= 3; position += 1) {
      view = await answerRight(ada, view);
      expect(view.embeds[0]?.description).not.toMatch(/Answer:|✅|❌/);
      expect(view.embeds[0]?.description).toContain(`Answered ${position} of 10`);
      world.clock.advance(30_000);
      view = await click(ada, view, "Next ▶");
    }
    expect(view.embeds[0]?.title).toBe("AIP-C01 mock exam · question 4 of 10");

    world.clock.set("2026-11-26T10:25:00Z");
    const report = await click(ada, view, "Next ▶");
    const embed = report.embeds[0];
    expect(embed?.title).toBe("AIP-C01 mock exam · report");
    expect(embed?.description).toContain("**3 of 10** right (30%) · 7 not answered (counted wrong)");
    expect(embed?.description).toMatch(/Projected \*\*\d+\*\* ± \d+ on 100–1000, below the pass mark of 750/);
    expect(embed?.description).toContain("Time: 24 min of 24 min · **time ran out**");
    const field = (name: string) =>
      embed?.fields?.find((candidate) => candidate.name.startsWith(name))?.value ?? "";
    expect(field("Slowest questions")).toMatch(/^Question 4 \(domain \d\): 22 min 30 s$/);
    expect(field("To review").split("\n")).toHaveLength(7);
    expect(field("By domain")).toContain("(weight 31%)");
    expect(report.buttons.map((b) => b.label)).toEqual([4, 5, 6, 7, 8, 9, 10].map((n) => `Review ${n}`));
    expect((await sessionOf(ada))?.finishedAt?.toISOString()).toBe("2026-11-26T10:24:00.000Z");

    const review = await click(ada, report, "Review 4");
    expect(review.id).not.toBe(report.id);
    expect(review.ephemeral).toBe(true);
    expect(review.embeds[0]?.title).toBe("AIP-C01 mock exam · question 4 of 10 · ❌ not quite");
    expect(review.embeds[0]?.description).toContain("· not answered");

    const stats = await ada.runCommand(world.guild.id, channelId, "stats");
    const fields = stats.embeds[0]?.fields ?? [];
    const projected = (await sessionOf(ada))?.projectedScore;
    expect(fields.find((field) => field.name === "Mock exams")?.value).toMatch(
      new RegExp(`^1 taken · last \\*\\*${projected}\\*\\* ± \\d+ · best ${projected}$`),
    );
    expect(fields.find((field) => field.name === "AIP-C01 readiness")?.value).toContain(
      "A projected score appears after 20 answers on AIP-C01 (10 so far).",
    );

    const history = await exam(ada, "history");
    expect(history.embeds[0]?.description).toMatch(
      /^2026-11-26 · AIP-C01 · 10 questions · 3\/10 · projected \*\*\d+\*\* ± \d+ · 24 min$/,
    );
  });

  it("keeps a mock through a bot restart: old buttons still work and /exam resume shows it", async () => {
    const bob = world.guild.addMember({ username: "bob" });
    world.clock.set("2026-11-27T10:00:00Z");
    let view = await exam(bob, "start", { exam: "AIP-C01", size: 10 });
    view = await answerRight(bob, view);
    view = await click(bob, view, "Next ▶");

    await world.restart();
    view = await answerRight(bob, view);
    expect(view.embeds[0]?.description).toContain("Answered 2 of 10");
    const resumed = await exam(bob, "resume");
    expect(resumed.id).not.toBe(view.id);
    expect(resumed.embeds[0]?.title).toBe("AIP-C01 mock exam · question 2 of 10");
    expect(resumed.buttons.filter((b) => b.style === 1).map((b) => b.label)).toEqual(
      [...shownQuestion(resumed, bank).answer].sort(),
    );
    const again = await exam(bob, "start", { size: 20 });
    expect(again.content).toBe("You already have a mock running (one at a time): here it is.");
    expect(again.embeds[0]?.title).toBe("AIP-C01 mock exam · question 2 of 10");

    const report = await click(bob, resumed, "Finish");
    expect(report.embeds[0]?.description).toContain("**2 of 10** right (20%) · 8 not answered");
    expect(report.embeds[0]?.description).not.toContain("time ran out");
  });

  it("scores a mock whose time ran out on the next tick, with nobody clicking", async () => {
    const cy = world.guild.addMember({ username: "cy" });
    world.clock.set("2026-11-28T10:00:00Z");
    await exam(cy, "start", { exam: "AIP-C01", size: 10 });
    world.clock.set("2026-11-28T10:30:00Z");
    await world.bot.scheduler.tick();
    expect(await sessionOf(cy)).toMatchObject({
      status: "finished",
      finishedAt: new Date("2026-11-28T10:24:00Z"),
    });
    const resume = await exam(cy, "resume");
    expect(resume.content).toBe("You have no mock exam running. `/exam start` begins one.");
    expect((await exam(cy, "history")).embeds[0]?.description).toContain("10 questions · 0/10");
  });

  it("refuses a forged click on someone else's mock without changing it", async () => {
    const dee = world.guild.addMember({ username: "dee" });
    const eve = world.guild.addMember({ username: "eve" });
    const mine = await exam(dee, "start", { exam: "AIP-C01", size: 10 });
    await exam(eve, "start", { exam: "AIP-C01", size: 10 });
    const theirs = (await sessionOf(eve))?.id;
    for (const customId of [`exam:pick:${theirs}:1:A`, `exam:finish:${theirs}`, `exam:review:${theirs}:1`]) {
      const refusal = await dee.forgeButtonClick(channelId, mine.id, customId);
      expect(refusal).toMatchObject({
        ephemeral: true,
        content: "That button is not part of a mock exam of yours.",
      });
    }
    expect(await sessionOf(eve)).toMatchObject({ status: "active", position: 1 });
  });
});
