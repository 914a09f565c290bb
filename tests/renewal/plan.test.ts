import { describe, expect, it } from "vitest";
import type { HeldCert } from "../../src/renewal/expiry.js";
import { planRenewals, type RenewalPlan } from "../../src/renewal/plan.js";
import { staggered } from "./fixtures.js";

function plan(held: HeldCert[], today: string, horizonMonths: number): RenewalPlan {
  const result = planRenewals(held, { today, horizonMonths });
  if (result.kind !== "plan") throw new Error("expected a plan");
  return result;
}

describe("planRenewals", () => {
  it("renews SAA, DVA, DEA, MLA, AIF and CLF with three exams: SAA, AIP and DVA", () => {
    const result = plan(staggered, "2026-11-26", 12);
    expect(result.steps.map((s) => [s.exam.code, s.deadline, s.renews.map((r) => r.code)])).toEqual([
      ["SAA", "2027-01-15", ["CLF", "SAA"]],
      ["AIP", "2027-06-15", ["DEA", "AIF", "MLA"]],
      ["DVA", "2027-08-01", ["DVA"]],
    ]);
    expect(result.totalMinutes).toBe(440);
    expect(result.nonExam.map((o) => o.renews)).toEqual(["CLF"]);
  });

  it("plans only what expires within the horizon and mentions what else a step extends", () => {
    const result = plan(staggered, "2026-11-26", 4);
    expect(result.steps.map((s) => [s.exam.code, s.renews.map((r) => r.code), s.alsoRenews])).toEqual([
      ["SAA", ["CLF", "SAA"], []],
    ]);
  });

  it("reports lapsed certifications apart and does not plan for them", () => {
    const result = plan(staggered, "2027-02-01", 6);
    expect(result.lapsed.map((h) => h.code)).toEqual(["CLF"]);
    expect(result.steps.flatMap((s) => s.renews.map((r) => r.code))).not.toContain("CLF");
    expect(result.nonExam).toEqual([]);
  });

  it("says a held retired Specialty cannot be renewed by any exam", () => {
    const held = [{ code: "MLS", earnedOn: "2025-01-01", expiresOn: "2028-01-01" }];
    const result = plan(held, "2027-06-01", 12);
    expect(result.steps).toEqual([]);
    expect(result.unrenewable.map((h) => h.code)).toEqual(["MLS"]);
  });

  it("opens a Google Cloud Professional renewal 60 days before expiry", () => {
    const held = [{ code: "GCP-PCA", earnedOn: "2025-06-01", expiresOn: "2027-06-01" }];
    expect(plan(held, "2027-01-01", 12).steps[0]).toMatchObject({
      deadline: "2027-06-01",
      opensOn: "2027-04-02",
    });
  });

  it("takes one DOP rather than DVA and SOA: fewer exams come before fewer minutes", () => {
    const held = [
      { code: "DVA", earnedOn: "2025-01-01", expiresOn: "2028-01-01" },
      { code: "SOA", earnedOn: "2025-01-01", expiresOn: "2028-01-01" },
    ];
    expect(plan(held, "2027-06-01", 12).steps.map((s) => s.exam.code)).toEqual(["DOP"]);
  });

  it("breaks a tie in exam count by fewer minutes: MLA (130) over AIP (180) for AIF and MLA", () => {
    const held = [
      { code: "AIF", earnedOn: "2025-01-01", expiresOn: "2028-01-01" },
      { code: "MLA", earnedOn: "2025-02-01", expiresOn: "2028-02-01" },
    ];
    expect(plan(held, "2027-06-01", 12).steps.map((s) => s.exam.code)).toEqual(["MLA"]);
  });

  it("rejects a malformed today as a value", () => {
    expect(planRenewals(staggered, { today: "26/11/2026", horizonMonths: 12 })).toEqual({
      kind: "invalid-date",
      input: "26/11/2026",
    });
  });
});
