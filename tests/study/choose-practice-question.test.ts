import { describe, expect, it } from "vitest";
import { choosePracticeQuestion, type PracticeCandidate } from "../../src/study/choose-practice-question.js";
import { rememberQuestions } from "../../src/study/spaced-repetition.js";
import { loadTrack } from "../stats/seed.js";

const track = loadTrack("AIP-C01");
const now = new Date("2026-11-26T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
const candidate = (id: string, domain: number, served = false): PracticeCandidate => ({ id, domain, served });

const choose = (
  candidates: PracticeCandidate[],
  reviews: Parameters<typeof rememberQuestions>[0],
  tallies = [],
) =>
  choosePracticeQuestion({
    candidates,
    memories: rememberQuestions(reviews, now),
    tallies,
    track,
    now,
    random: () => 0,
  });

describe("choosing the next practice question", () => {
  it("asks a missed question before a due one, and a due one before an unseen one", () => {
    const candidates = [candidate("unseen", 1), candidate("known", 1), candidate("missed", 1)];
    const reviews = [
      { questionId: "known", at: daysAgo(60), correct: true },
      { questionId: "missed", at: daysAgo(1), correct: false },
    ];
    expect(choose(candidates, reviews)).toEqual({ id: "missed", reason: "missed" });
    expect(
      choose(
        candidates.filter((c) => c.id !== "missed"),
        reviews,
      ),
    ).toEqual({ id: "known", reason: "due" });
    expect(choose([candidate("unseen", 1)], reviews)).toEqual({ id: "unseen", reason: "weak-domain" });
  });

  it("leaves a question answered right yesterday for later: FSRS has not made it due", () => {
    const reviews = [{ questionId: "fresh", at: daysAgo(1), correct: true }];
    const memory = rememberQuestions(reviews, now).get("fresh");
    expect(memory?.due.getTime()).toBeGreaterThan(now.getTime());
    expect(choose([candidate("fresh", 1), candidate("new", 1)], reviews)).toEqual({
      id: "new",
      reason: "weak-domain",
    });
  });

  it("a right answer after a miss takes the question off the missed list", () => {
    const reviews = [
      { questionId: "q", at: daysAgo(3), correct: false },
      { questionId: "q", at: daysAgo(2), correct: true },
    ];
    expect(rememberQuestions(reviews, now).get("q")?.lastMissed).toBe(false);
  });

  it("picks the domain with most exam points at stake: weight × (1 − estimated accuracy)", () => {
    // Domain 1 (31 %) answered perfectly; domain 4 (12 %) answered badly.
    const tallies = [
      { domain: 1, answered: 20, correct: 20 },
      { domain: 4, answered: 10, correct: 1 },
    ];
    const picked = choosePracticeQuestion({
      candidates: [candidate("d1", 1), candidate("d4", 4)],
      memories: new Map(),
      tallies: tallies as never,
      track,
      now,
      random: () => 0,
    });
    expect(picked?.id).toBe("d4");
    // With no history at all, the heaviest domain has most at stake.
    expect(choose([candidate("d4", 4), candidate("d1", 1)], [])?.id).toBe("d1");
  });

  it("asks nothing from this session again until every candidate was asked", () => {
    const reviews = [{ questionId: "missed", at: daysAgo(1), correct: false }];
    expect(choose([candidate("missed", 1, true), candidate("other", 1)], reviews)?.id).toBe("other");
    expect(choose([candidate("missed", 1, true)], reviews)).toEqual({ id: "missed", reason: "repeat" });
    expect(choose([], reviews)).toBeUndefined();
  });
});
