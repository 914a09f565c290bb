import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { memberStatsFor } from "../../src/stats/member-stats.js";
import { estimateReadiness } from "../../src/stats/readiness.js";
import { openTestDatabase } from "../support/db.js";
import { freshId, loadTrack, seedDomainStats, seedMemberStats, tracks } from "./seed.js";

const aip = loadTrack("AIP-C01");

describe("readiness estimate", () => {
  it("maps weighted domain accuracy onto the exam's 100–1000 scale with its pass mark", () => {
    const perfect = estimateReadiness(
      aip,
      aip.domains.map((domain) => ({ domain: domain.number, answered: 200, correct: 200 })),
    );
    expect(perfect.score).toBeGreaterThanOrEqual(990);
    expect(perfect.passingScore).toBe(750);
    expect(perfect.scoreRange).toEqual([100, 1000]);
    expect(perfect.lowConfidence).toBe(false);

    // 80 % everywhere → 100 + 900 × ~0.8 ≈ 820.
    const steady = estimateReadiness(
      aip,
      aip.domains.map((domain) => ({ domain: domain.number, answered: 100, correct: 80 })),
    );
    expect(steady.score).toBe(820);
    expect(steady.margin).toBeGreaterThan(0);
    expect(steady.margin).toBeLessThan(50);
  });

  it("weights domains like the exam: weakness in a heavy domain costs more than in a light one", () => {
    const strong = { answered: 50, correct: 45 };
    const weak = { answered: 50, correct: 20 };
    const weakHeavy = estimateReadiness(aip, [
      { domain: 1, ...weak },
      ...[2, 3, 4, 5].map((domain) => ({ domain, ...strong })),
    ]);
    const weakLight = estimateReadiness(aip, [
      { domain: 5, ...weak },
      ...[1, 2, 3, 4].map((domain) => ({ domain, ...strong })),
    ]);
    expect(weakHeavy.score).toBeLessThan(weakLight.score);
    expect(weakHeavy.weakest?.number).toBe(1);
    expect(weakLight.weakest?.number).toBe(5);
  });

  it("flags fewer than 20 answers as low confidence and leaves unanswered domains without accuracy", () => {
    const few = estimateReadiness(aip, [{ domain: 2, answered: 5, correct: 5 }]);
    expect(few.lowConfidence).toBe(true);
    expect(few.domains.find((domain) => domain.number === 1)?.accuracy).toBeUndefined();
    expect(few.domains.find((domain) => domain.number === 2)?.accuracy).toBe(1);
    expect(few.weakest?.number).toBe(2);
    // Five lucky answers do not project a perfect score.
    expect(few.score).toBeLessThan(950);
  });
});

describe("member stats", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("returns totals, streaks and per-domain accuracy next to weights, for this server only", async () => {
    const guild = freshId();
    const other = freshId();
    await seedMemberStats(database.db, guild, { ada: { points: 7, answered: 10, streak: 3 } });
    await seedMemberStats(database.db, other, { ada: { points: 99, answered: 100 } });
    await seedDomainStats(database.db, guild, "ada", "AIP-C01", { 1: [6, 3], 3: [4, 4] });
    await seedDomainStats(database.db, guild, "ada", "AIF-C01", { 1: [1, 0] });
    await seedDomainStats(database.db, other, "ada", "AIP-C01", { 2: [100, 99] });
    const stats = await memberStatsFor(database.db, guild, "ada", tracks);
    expect(stats).toMatchObject({ points: 7, answered: 10, accuracy: 0.7, currentStreak: 3, bestStreak: 3 });
    expect(stats?.exams.map((exam) => exam.exam)).toEqual(["AIP-C01", "AIF-C01"]);
    const [first] = stats?.exams ?? [];
    expect(first?.domains.map((d) => [d.number, d.weight, d.answered, d.accuracy])).toEqual([
      [1, 31, 6, 0.5],
      [2, 26, 0, undefined],
      [3, 20, 4, 1],
      [4, 12, 0, undefined],
      [5, 11, 0, undefined],
    ]);
    expect(first?.weakest?.number).toBe(1);
    expect(first?.lowConfidence).toBe(true);
    expect(await memberStatsFor(database.db, guild, "nobody", tracks)).toBeUndefined();
  });
});
