import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { missedQuestions } from "../../src/stats/review.js";
import { openTestDatabase } from "../support/db.js";
import { freshId, seedClosedPosting, seedQuestion, seedQuizChannel } from "./seed.js";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("review of missed questions", () => {
  it("lists the member's wrong answers in this server, newest first, with the right answer", async () => {
    const guild = freshId();
    const other = freshId();
    const channel = await seedQuizChannel(database.db, guild);
    const elsewhere = await seedQuizChannel(database.db, other);
    for (const id of ["rv-1", "rv-2", "rv-3", "rv-4", "rv-5"]) await seedQuestion(database.db, id);
    await seedClosedPosting(database.db, channel.id, "2026-03-01", "2026-03-02T09:00:00Z", "rv-1", {
      ada: "B",
    });
    await seedClosedPosting(database.db, channel.id, "2026-03-02", "2026-03-03T09:00:00Z", "rv-2", {
      ada: "A",
    });
    await seedClosedPosting(database.db, channel.id, "2026-03-03", "2026-03-04T09:00:00Z", "rv-3", {
      ada: "",
    });
    await seedClosedPosting(database.db, channel.id, "2026-03-04", "2026-03-05T09:00:00Z", "rv-4", {
      ada: "D",
      bob: "C",
    });
    await seedClosedPosting(database.db, elsewhere.id, "2026-03-04", "2026-03-05T10:00:00Z", "rv-5", {
      ada: "C",
    });
    const missed = await missedQuestions(database.db, guild, "ada", 5);
    expect(missed.map((item) => [item.question.id, item.choices.join(""), item.localDate])).toEqual([
      ["rv-4", "D", "2026-03-04"],
      ["rv-1", "B", "2026-03-01"],
    ]);
    expect(missed[0]?.question.answer).toEqual(["A"]);
    expect(missed[0]?.question.explanations.A).toContain("pgvector");
    expect(await missedQuestions(database.db, guild, "ada", 1)).toHaveLength(1);
    expect(await missedQuestions(database.db, guild, "cy", 5)).toEqual([]);
  });
});
