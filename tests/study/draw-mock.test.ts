import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportionByWeight, drawMock } from "../../src/study/draw-mock.js";
import { loadTrack } from "../stats/seed.js";

const track = loadTrack("AIP-C01"); // weights 31, 26, 20, 12, 11
const plenty = new Map(track.domains.map((domain) => [domain.number, 100]));

describe("drawing a mock exam to the domain weights", () => {
  it("gives each domain its share of 10, 20 and 65 questions", () => {
    expect([...apportionByWeight(10, track, plenty).values()]).toEqual([3, 3, 2, 1, 1]);
    expect([...apportionByWeight(20, track, plenty).values()]).toEqual([6, 5, 4, 3, 2]);
    expect([...apportionByWeight(65, track, plenty).values()]).toEqual([20, 17, 13, 8, 7]);
  });

  it("hands what a short domain lacks to the others", () => {
    const short = new Map([...plenty, [5, 1]]);
    const counts = apportionByWeight(65, track, short);
    expect(counts.get(5)).toBe(1);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(65);
  });

  it("always draws exactly the size (or the whole bank), never more than a domain has", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
        fc.constantFrom(10, 20, 65),
        (sizes, size) => {
          const available = new Map(sizes.map((count, index) => [index + 1, count]));
          const counts = apportionByWeight(size, track, available);
          const total = [...counts.values()].reduce((a, b) => a + b, 0);
          expect(total).toBe(
            Math.min(
              size,
              sizes.reduce((a, b) => a + b, 0),
            ),
          );
          for (const [domain, count] of counts) expect(count).toBeLessThanOrEqual(available.get(domain) ?? 0);
        },
      ),
    );
  });

  it("prefers questions the member has not seen", () => {
    const candidates = [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `seen-${i}`, domain: 1, timesSeen: 2 })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `new-${i}`, domain: 1, timesSeen: 0 })),
    ];
    const onlyDomainOne = { ...track, domains: track.domains.slice(0, 1) };
    const drawn = drawMock(candidates, onlyDomainOne, 3, Math.random);
    expect(drawn.map((question) => question.id).sort()).toEqual(["new-0", "new-1", "new-2"]);
  });
});
