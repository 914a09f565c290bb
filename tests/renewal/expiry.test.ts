import { describe, expect, it } from "vitest";
import { findCertification } from "../../src/renewal/catalog.js";
import { addMonths } from "../../src/renewal/dates.js";
import { applyPass, computeExpiry, type HeldCert, isLapsed } from "../../src/renewal/expiry.js";

const held: HeldCert[] = [
  { code: "DEA", earnedOn: "2024-06-15", expiresOn: "2027-06-15" },
  { code: "MLA", earnedOn: "2024-10-20", expiresOn: "2027-10-20" },
  { code: "AIF", earnedOn: "2024-09-05", expiresOn: "2027-09-05" },
  { code: "CLF", earnedOn: "2023-01-20", expiresOn: "2026-01-20" },
  { code: "SAA", earnedOn: "2025-02-01", expiresOn: "2028-02-01" },
];

function applied(outcome: ReturnType<typeof applyPass>) {
  if (outcome.kind !== "applied") throw new Error(`expected a recorded pass, got ${outcome.kind}`);
  return outcome;
}

describe("expiry dates", () => {
  it("adds the certification's validity to the earned date", () => {
    const aws = findCertification("AIP");
    const gcp = findCertification("GCP-PCA");
    if (!aws || !gcp) throw new Error("catalog lacks AIP or GCP-PCA");
    expect(computeExpiry(aws, "2026-04-14")).toBe("2029-04-14");
    expect(computeExpiry(gcp, "2026-04-14")).toBe("2028-04-14");
  });

  it("clamps a leap day to the end of February", () => {
    expect(addMonths("2024-02-29", 36)).toBe("2027-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
  });

  it("counts the expiry day itself as still valid", () => {
    expect(isLapsed({ code: "CLF", earnedOn: "2023-01-20", expiresOn: "2026-01-20" }, "2026-01-20")).toBe(
      false,
    );
    expect(isLapsed({ code: "CLF", earnedOn: "2023-01-20", expiresOn: "2026-01-20" }, "2026-01-21")).toBe(
      true,
    );
  });
});

describe("applyPass", () => {
  it("earns AIP and renews DEA, MLA and AIF from the pass date, but not a lapsed CLF", () => {
    const outcome = applied(applyPass(held, "AIP", "2026-12-01"));
    expect(outcome.changes.map((c) => [c.code, c.how, c.expiresOn])).toEqual([
      ["AIP", "earned", "2029-12-01"],
      ["DEA", "renewed", "2029-12-01"],
      ["MLA", "renewed", "2029-12-01"],
      ["AIF", "renewed", "2029-12-01"],
    ]);
    expect(outcome.lapsed.map((h) => h.code)).toEqual(["CLF"]);
    expect(outcome.held.find((h) => h.code === "CLF")?.expiresOn).toBe("2026-01-20");
  });

  it("keeps the original earned date of a renewed certification and leaves the rest alone", () => {
    const outcome = applied(applyPass(held, "AIP", "2026-12-01"));
    expect(outcome.held.find((h) => h.code === "DEA")).toEqual({
      code: "DEA",
      earnedOn: "2024-06-15",
      expiresOn: "2029-12-01",
    });
    expect(outcome.held.find((h) => h.code === "SAA")).toEqual(held[4]);
    expect(outcome.held).toHaveLength(held.length + 1);
  });

  it("re-earns a lapsed certification when its own exam is passed", () => {
    const outcome = applied(applyPass(held, "clf", "2026-12-01"));
    expect(outcome.changes).toEqual([
      {
        code: "CLF",
        how: "re-earned",
        previousExpiresOn: "2026-01-20",
        expiresOn: "2029-12-01",
        chain: null,
      },
    ]);
    expect(outcome.held.find((h) => h.code === "CLF")?.earnedOn).toBe("2026-12-01");
  });

  it("never moves an expiry earlier when passes are recorded out of order", () => {
    const outcome = applied(applyPass(held, "SAP", "2025-01-01"));
    expect(outcome.held.find((h) => h.code === "SAA")?.expiresOn).toBe("2028-02-01");
  });

  it("refuses a pass of a retired exam after its last exam day", () => {
    expect(applyPass(held, "MLS", "2026-04-01")).toMatchObject({
      kind: "exam-retired",
      lastExamDay: "2026-03-31",
    });
    expect(applyPass(held, "MLS", "2026-03-31").kind).toBe("applied");
  });

  it("answers unknown codes and bad dates as values", () => {
    expect(applyPass(held, "XYZ", "2026-12-01").kind).toBe("unknown");
    expect(applyPass(held, "AIP", "2026-13-01")).toEqual({ kind: "invalid-date", input: "2026-13-01" });
  });
});
