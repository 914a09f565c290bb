import { describe, expect, it } from "vitest";
import { examStats } from "../../src/questions/bank-stats.js";
import { loadQuestionBank } from "../../src/questions/load-bank.js";
import { examStatsText } from "../../src/questions/stats-text.js";

describe("questions:stats", () => {
  it("counts the clean fixture bank's types, pairs, longest answers and reading load against its pace", async () => {
    const bank = await loadQuestionBank("tests/fixtures/rules/clean");
    const track = bank.tracks.get("RULE-C01");
    if (!track) throw new Error("the fixture track did not load");
    const stats = examStats(track, bank.questions);
    expect(stats).toMatchObject({
      questions: 32,
      single: 12,
      multiple: 20,
      longestCorrect: 3,
      paceMinutes: 2,
    });
    expect(Object.values(stats.pairs)).toEqual(Array(10).fill(2));
    expect(stats.correctLetters).toEqual({ A: 11, B: 11, C: 11, D: 11, E: 8 });
    expect(stats.readingMinutes).toBeCloseTo(stats.meanWordsRead / 200);
    const text = examStatsText(stats, 0);
    expect(text).toContain("longest is correct       3 of 12 single-answer (25 %; at most 35 %)");
    expect(text).toContain(
      "choose-two pairs         AB 2  AC 2  AD 2  AE 2  BC 2  BD 2  BE 2  CD 2  CE 2  DE 2",
    );
    expect(text).toContainEqual(expect.stringMatching(/^1 Only domain +32 +100 % +100 %$/));
    expect(text).toContainEqual(expect.stringMatching(/^exam pace +60 min for 30 questions = 2\.0 min each/));
  });
});
