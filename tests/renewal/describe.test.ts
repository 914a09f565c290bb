import { describe, expect, it } from "vitest";
import { describePath, describeRenewedBy, describeRenews } from "../../src/renewal/describe.js";
import { describePass, describePlan } from "../../src/renewal/describe-plan.js";
import { applyPass } from "../../src/renewal/expiry.js";
import { planRenewals } from "../../src/renewal/plan.js";
import { staggered } from "./fixtures.js";

describe("describing the graph", () => {
  it("shows AIP's renewals with provenance and AIF's chain through MLA", () => {
    const text = describeRenews("AIP");
    expect(text).toContain("Passing **AIP-C01** (Generative AI Developer – Professional)");
    expect(text).toContain(
      "CLF (official); DEA and MLA (observed); AIF (via MLA: AIP → MLA observed, MLA → AIF official)",
    );
  });

  it("groups CLF's renewers by level and mentions Cloud Quest as a non-exam option", () => {
    const text = describeRenewedBy("CLF");
    expect(text).toContain("Associate: SAA, DVA, SOA, DEA and MLA (official)");
    expect(text).toContain("Professional: SAP, DOP and AIP (official)");
    expect(text).toContain("Without an exam: AWS Cloud Quest: Recertify Cloud Practitioner");
  });

  it("says a retired Specialty can no longer be renewed", () => {
    expect(describeRenewedBy("MLS")).toMatch(/can no longer be renewed.*2026-03-31/);
  });

  it("describes a path, a missing path and an unknown code", () => {
    expect(describePath("AIP", "AIF")).toBe(
      "Passing AIP renews AIF through MLA: AIP → MLA → AIF (AIP → MLA observed, MLA → AIF official).",
    );
    expect(describePath("CLF", "SAA")).toContain("does not renew SAA");
    expect(describePath("AIX", "CLF")).toBe(
      "I don't know a certification called “AIX”. Did you mean AIF or AIP?",
    );
  });
});

describe("describing plans and passes", () => {
  it("writes one 'take X before date to renew …' line per exam and mentions Cloud Quest for CLF", () => {
    const plan = planRenewals(staggered, { today: "2026-11-26", horizonMonths: 12 });
    const lines = describePlan(plan).split("\n");
    expect(lines[0]).toBe("Renewal plan for 2026-11-26 to 2027-11-26: 3 exams, 440 minutes of exams.");
    expect(lines[1]).toMatch(
      /^1\. Take \*\*SAA-C03\*\* .* before 2027-01-15 to renew CLF \(official\) and SAA\.$/,
    );
    expect(lines.at(-1)).toMatch(/^CLF can also be renewed without an exam: AWS Cloud Quest/);
  });

  it("says when nothing needs renewing", () => {
    expect(describePlan(planRenewals([], { today: "2026-11-26", horizonMonths: 6 }))).toMatch(
      /^No exam needed/,
    );
  });

  it("lists what a pass renewed, the new expiry dates and what had lapsed", () => {
    const held = [
      ...staggered.filter((h) => h.code !== "CLF"),
      { code: "CLF", earnedOn: "2023-01-01", expiresOn: "2026-01-01" },
    ];
    const text = describePass(applyPass(held, "AIP", "2026-12-01"));
    expect(text).toContain("AIP earned, now valid until 2029-12-01");
    expect(text).toContain("AIF until 2029-12-01 (was 2027-09-05; AIP → MLA → AIF");
    expect(text).toContain("must be earned again: CLF (expired 2026-01-01)");
  });
});
