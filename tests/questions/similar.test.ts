import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jaccard, similarPairs, stemBigrams, stemSimilarity } from "../../src/questions/similar.js";

/** The definition: compare every later stem with every earlier one. */
function everyPair(stems: string[], threshold: number) {
  const pairs: { index: number; earlier: number; similarity: number }[] = [];
  stems.forEach((stem, index) => {
    stems.slice(0, index).forEach((other, earlier) => {
      const similarity = stemSimilarity(stem, other);
      if (similarity >= threshold) pairs.push({ index, earlier, similarity });
    });
  });
  return pairs;
}

describe("near-duplicate stems", () => {
  it("score a scenario with one word changed high and another scenario low", () => {
    const stem = "A team needs durable object storage for millions of images served to a web application";
    expect(stemSimilarity(stem, stem.replace("images", "photos"))).toBeGreaterThan(0.7);
    expect(stemSimilarity(stem, "Which metric compares a generated summary with a reference summary")).toBe(
      0,
    );
  });

  it("find through the index exactly the pairs a comparison of every pair finds, in the same order", () => {
    const word = fc.constantFrom("a", "team", "stores", "images", "in", "s3", "with", "low", "cost", "fast");
    const stem = fc.array(word, { minLength: 0, maxLength: 12 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(
        fc.array(stem, { maxLength: 25 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (stems, threshold) => {
          expect(similarPairs(stems.map(stemBigrams), threshold)).toEqual(everyPair(stems, threshold));
        },
      ),
    );
  });

  it("count only items that share a member: disjoint sets are never compared", () => {
    const sets = Array.from({ length: 2000 }, (_, index) => new Set([`only-${index}`, `also-${index}`]));
    expect(similarPairs(sets, 0.5)).toEqual([]);
    expect(jaccard(new Set(["x", "y"]), new Set(["y", "z"]))).toBeCloseTo(1 / 3);
  });
});
