import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Catalog, getCatalog } from "../../src/renewal/catalog.js";
import { addMonths } from "../../src/renewal/dates.js";
import type { HeldCert } from "../../src/renewal/expiry.js";
import { collectRenewed } from "../../src/renewal/graph.js";
import { planRenewals } from "../../src/renewal/plan.js";
import { arbitraryCatalog } from "./fixtures.js";

const today = "2026-11-26";
const horizonMonths = 12;

/** Held sets whose expiries fall from 6 months ago to 2 years ahead: lapsed, in scope and out of it. */
function arbitraryHeld(codes: readonly string[]) {
  return fc.subarray([...codes]).chain((chosen) =>
    fc.tuple(...chosen.map(() => fc.integer({ min: -6, max: 24 }))).map((offsets) =>
      chosen.map((code, i): HeldCert => {
        const expiresOn = addMonths(today, offsets[i] ?? 0);
        return { code, earnedOn: addMonths(expiresOn, -36), expiresOn };
      }),
    ),
  );
}

/** Tries every subset of takeable exams: the slow, obviously right answer. */
function bruteForce(held: HeldCert[], catalog: Catalog) {
  const end = addMonths(today, horizonMonths);
  const scope = held.filter((h) => h.expiresOn >= today && h.expiresOn <= end).map((h) => h.code);
  const exams = catalog.certifications
    .filter((c) => c.status === "active")
    .map((c) => ({
      code: c.code,
      minutes: c.examMinutes ?? 0,
      covers: new Set([c.code, ...collectRenewed(c.code, catalog).map((r) => r.code)]),
    }))
    .filter((exam) => scope.some((code) => exam.covers.has(code)));
  const coverable = scope.filter((code) => exams.some((exam) => exam.covers.has(code)));
  let best = { size: Number.POSITIVE_INFINITY, minutes: Number.POSITIVE_INFINITY, key: "" };
  for (let mask = 0; mask < 1 << exams.length; mask++) {
    const picked = exams.filter((_, i) => mask & (1 << i));
    if (!coverable.every((code) => picked.some((exam) => exam.covers.has(code)))) continue;
    const minutes = picked.reduce((sum, exam) => sum + exam.minutes, 0);
    const key = picked
      .map((exam) => exam.code)
      .sort()
      .join(",");
    const better =
      picked.length < best.size ||
      (picked.length === best.size &&
        (minutes < best.minutes || (minutes === best.minutes && key < best.key)));
    if (better) best = { size: picked.length, minutes, key };
  }
  return { best, scope, coverable };
}

function checkAgainstBruteForce(held: HeldCert[], catalog: Catalog): void {
  const plan = planRenewals(held, { today, horizonMonths }, catalog);
  if (plan.kind !== "plan") throw new Error("expected a plan");
  const { best, scope, coverable } = bruteForce(held, catalog);
  expect(plan.steps.length).toBe(best.size);
  expect(plan.totalMinutes).toBe(best.minutes);
  if (best.size > 0)
    expect(
      plan.steps
        .map((s) => s.exam.code)
        .sort()
        .join(","),
    ).toBe(best.key);
  const renewed = plan.steps.flatMap((s) => s.renews.map((r) => r.code));
  expect(new Set(renewed)).toEqual(new Set(coverable));
  expect(plan.unrenewable.map((h) => h.code).sort()).toEqual(
    scope.filter((c) => !coverable.includes(c)).sort(),
  );
  for (const step of plan.steps) expect(step.exam.status).toBe("active");
}

describe("planRenewals against brute force", () => {
  it("is optimal and covers everything coverable for random members of the shipped catalog", () => {
    const catalog = getCatalog();
    const codes = catalog.certifications.filter((c) => c.provider === "aws").map((c) => c.code);
    fc.assert(
      fc.property(arbitraryHeld([...codes, "GCP-PCA", "GCP-CDL"]), (held) =>
        checkAgainstBruteForce(held, catalog),
      ),
    );
  });

  it("is optimal on random acyclic catalogs with retired exams", () => {
    const scenario = arbitraryCatalog.chain((catalog) =>
      arbitraryHeld(catalog.certifications.map((c) => c.code)).map((held) => ({ catalog, held })),
    );
    fc.assert(fc.property(scenario, ({ catalog, held }) => checkAgainstBruteForce(held, catalog)));
  });
});
