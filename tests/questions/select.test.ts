import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Candidate, chooseNextQuestion } from "../../src/questions/select.js";

const weights = new Map([
  [1, 31],
  [2, 26],
  [3, 20],
  [4, 12],
  [5, 11],
]);

/** A bank shaped like the AIP-C01 one: questions per domain roughly in proportion to the weights. */
function bank(sizes: number[]): Candidate[] {
  return sizes.flatMap((size, index) =>
    Array.from({ length: size }, (_, n) => ({ id: `d${index + 1}-q${n}`, domain: index + 1, timesAsked: 0 })),
  );
}

/** Runs `draws` selections, recording each as asked, and returns the questions in order. */
function simulate(candidates: Candidate[], draws: number, random: () => number): Candidate[] {
  const asked = new Map<number, number>();
  const picked: Candidate[] = [];
  for (let draw = 0; draw < draws; draw += 1) {
    const id = chooseNextQuestion(candidates, asked, weights, random);
    const candidate = candidates.find((c) => c.id === id);
    if (!candidate) throw new Error("nothing chosen");
    candidate.timesAsked += 1;
    asked.set(candidate.domain, (asked.get(candidate.domain) ?? 0) + 1);
    picked.push(candidate);
  }
  return picked;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("question selection", () => {
  it("keeps each domain's share within 2 points of the exam weight over 1,000 draws", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 4 }), (seed, extra) => {
        const picked = simulate(bank([38 + extra, 31, 24 + extra, 15, 13]), 1000, seeded(seed));
        for (const [domain, weight] of weights) {
          const share = (picked.filter((q) => q.domain === domain).length / picked.length) * 100;
          expect(Math.abs(share - weight)).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("never repeats a question in a channel until the whole bank has been asked", () => {
    const candidates = bank([8, 6, 5, 3, 3]);
    const picked = simulate(candidates, candidates.length * 2, seeded(7));
    const firstRound = picked.slice(0, candidates.length).map((q) => q.id);
    expect(new Set(firstRound).size).toBe(candidates.length);
    expect(new Set(picked.slice(candidates.length).map((q) => q.id)).size).toBe(candidates.length);
  });

  it("is deterministic under a seed", () => {
    const once = simulate(bank([8, 6, 5, 3, 3]), 20, seeded(42)).map((q) => q.id);
    const again = simulate(bank([8, 6, 5, 3, 3]), 20, seeded(42)).map((q) => q.id);
    expect(again).toEqual(once);
  });

  it("returns nothing for an empty bank", () => {
    expect(chooseNextQuestion([], new Map(), weights, Math.random)).toBeUndefined();
  });
});
