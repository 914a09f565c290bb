import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { postings, questionRevisions, questions } from "../../src/db/schema.js";
import { configureQuizChannel } from "../../src/quiz/channels.js";
import { recordAnswer } from "../../src/quiz/record-answer.js";
import { openTestDatabase } from "../support/db.js";

describe("recording answers", () => {
  let database: Database;
  const at = new Date("2026-11-26T10:00:00Z");

  beforeAll(async () => {
    database = await openTestDatabase();
    const { db } = database;
    await db
      .insert(questions)
      .values([{ id: "q1", exam: "T-C01", domain: 1, task: "1.1", contentHash: "h", sourceFile: "f" }]);
    await db.insert(questionRevisions).values({ questionId: "q1", revision: 1, contentHash: "h", body: {} });
    const settings = {
      guildId: "g",
      exam: "T-C01",
      postTime: "07:30",
      timeZone: "UTC",
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      windowHours: 24,
      hiddenAnswers: false,
    };
    const single = await configureQuizChannel(db, { ...settings, channelId: "single", answerPolicy: "last" });
    const multi = await configureQuizChannel(db, { ...settings, channelId: "multi", answerPolicy: "last" });
    const first = await configureQuizChannel(db, { ...settings, channelId: "first", answerPolicy: "first" });
    const hidden = await configureQuizChannel(db, {
      ...settings,
      channelId: "hidden",
      answerPolicy: "last",
      hiddenAnswers: true,
    });
    const posting = (quizChannelId: number, messageId: string, answerSize: number) => ({
      quizChannelId,
      messageId,
      answerSize,
      localDate: "2026-11-26",
      sequence: 1,
      questionId: "q1",
      questionRevision: 1,
      closesAt: new Date("2026-11-27T00:00:00Z"),
    });
    await db
      .insert(postings)
      .values([
        posting(single.channel.id, "m-single", 1),
        posting(multi.channel.id, "m-multi", 2),
        posting(first.channel.id, "m-first", 2),
        posting(hidden.channel.id, "m-hidden", 2),
      ]);
  });
  afterAll(() => database.close());

  const react = (
    messageId: string,
    letter: "A" | "B" | "C",
    change: "add" | "remove" = "add",
    userId = "u1",
  ) => recordAnswer(database.db, { messageId, userId, letter, change, at });

  it("replaces a single-answer choice and says which letter it replaced", async () => {
    expect(await react("m-single", "A")).toMatchObject({ kind: "recorded", choices: "A", replaced: [] });
    expect(await react("m-single", "C")).toMatchObject({ kind: "recorded", choices: "C", replaced: ["A"] });
    expect(await react("m-single", "A", "remove")).toMatchObject({ kind: "recorded", choices: "C" });
  });

  it("keeps the set of held letters for a multiple-response question, sorted", async () => {
    await react("m-multi", "C");
    expect(await react("m-multi", "A")).toMatchObject({ choices: "AC" });
    expect(await react("m-multi", "C", "remove")).toMatchObject({ choices: "A" });
  });

  it("locks the first complete answer under the first policy", async () => {
    await react("m-first", "B");
    expect(await react("m-first", "A")).toMatchObject({ kind: "recorded", choices: "AB" });
    expect(await react("m-first", "C")).toEqual({
      kind: "locked",
      postingId: expect.any(Number),
      policy: "first",
    });
    expect(await react("m-first", "A", "remove")).toMatchObject({ kind: "locked" });
  });

  it("toggles letters with hidden answers and ignores removals the bot itself makes", async () => {
    await react("m-hidden", "A");
    expect(await react("m-hidden", "A", "remove")).toEqual({ kind: "ignored" });
    expect(await react("m-hidden", "B")).toMatchObject({ choices: "AB" });
    expect(await react("m-hidden", "A")).toMatchObject({ choices: "B" });
  });

  it("ignores reactions on other messages and after the window", async () => {
    expect(await react("not-a-question", "A")).toEqual({ kind: "not-a-question" });
    const late = await recordAnswer(database.db, {
      messageId: "m-single",
      userId: "u2",
      letter: "A",
      change: "add",
      at: new Date("2026-11-27T00:00:00Z"),
    });
    expect(late).toEqual({ kind: "closed" });
  });
});
