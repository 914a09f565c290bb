import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { findCertification, getCatalog, parseCatalog, suggest } from "../../src/renewal/catalog.js";
import { makeCatalogData } from "./fixtures.js";

function problemsOf(data: unknown): string[] {
  const result = parseCatalog(stringify(data));
  return result.ok ? [] : result.problems;
}

describe("the shipped catalog", () => {
  it("loads every AWS certification of the reference and Google Cloud's 14", () => {
    const catalog = getCatalog();
    const aws = catalog.certifications.filter((c) => c.provider === "aws").map((c) => c.code);
    expect(aws).toEqual([
      "CLF",
      "AIF",
      "SAA",
      "DVA",
      "SOA",
      "DEA",
      "MLA",
      "SAP",
      "DOP",
      "AIP",
      "ANS",
      "SCS",
      "MLS",
    ]);
    expect(catalog.certifications.filter((c) => c.provider === "gcp")).toHaveLength(14);
  });

  it("gives Google Cloud Professional certifications 24 months and the others 36", () => {
    for (const cert of getCatalog().certifications.filter((c) => c.provider === "gcp")) {
      expect(cert.validityMonths).toBe(cert.level === "professional" ? 24 : 36);
    }
  });

  it("marks MLS retired and the upcoming exam versions unconfirmed", () => {
    expect(findCertification("MLS")).toMatchObject({ status: "retired", retiredOn: "2026-03-31" });
    const upcoming = getCatalog().certifications.flatMap((c) => c.upcoming);
    expect(upcoming.map((u) => u.examCode).sort()).toEqual(["DVA-C03", "MLA-C02", "SAP-C03"]);
    expect(upcoming.every((u) => !u.confirmed)).toBe(true);
  });

  it("gives Google Cloud no renewal edges", () => {
    expect(getCatalog().edges.filter((e) => e.from.startsWith("GCP") || e.to.startsWith("GCP"))).toEqual([]);
  });

  it("keeps Cloud Quest as a non-exam renewal of CLF", () => {
    expect(getCatalog().nonExamRenewals).toMatchObject([{ renews: "CLF", provenance: "official" }]);
    expect(findCertification("AWS Cloud Quest: Recertify Cloud Practitioner")).toBeUndefined();
  });
});

describe("looking certifications up", () => {
  it("ignores case and accepts an exam code", () => {
    expect(findCertification("aip")?.code).toBe("AIP");
    expect(findCertification("aip-c01")?.code).toBe("AIP");
    expect(findCertification("gcp-pca")?.code).toBe("GCP-PCA");
  });

  it("suggests the closest codes for a typo or a name fragment", () => {
    expect(suggest("AIX")).toEqual(["AIF", "AIP"]);
    expect(suggest("SAP-C3")[0]).toBe("SAP");
    expect(suggest("security")).toContain("SCS");
    expect(suggest("zzzzzz")).toEqual([]);
  });
});

describe("an invalid catalog", () => {
  it("names an unknown code in an edge and suggests a fix", () => {
    const data = makeCatalogData();
    data.edges.push({ ...data.edges[0], from: "PRX" } as (typeof data.edges)[0]);
    expect(problemsOf(data)).toEqual([
      expect.stringMatching(/edges\[2\] \(PRX → ASC\): unknown certification code PRX; did you mean PRO/),
    ]);
  });

  it("names a renewal cycle with its path", () => {
    const data = makeCatalogData();
    data.edges.push({ ...data.edges[0], from: "FND", to: "PRO" } as (typeof data.edges)[0]);
    expect(problemsOf(data)).toEqual(["edges: renewal cycle ASC → FND → PRO → ASC"]);
  });

  it("names a duplicate edge", () => {
    const data = makeCatalogData();
    data.edges.push({ ...data.edges[0] } as (typeof data.edges)[0]);
    expect(problemsOf(data)).toEqual(["edges[2] (PRO → ASC): duplicate edge (first at edges[0])"]);
  });

  it("names a self-edge", () => {
    const data = makeCatalogData();
    data.edges.push({ ...data.edges[0], to: "PRO" } as (typeof data.edges)[0]);
    expect(problemsOf(data)).toEqual([expect.stringMatching(/edges\[2\] \(PRO → PRO\): self-edge/)]);
  });

  it("names an edge without a source", () => {
    const data = makeCatalogData();
    const { source: _dropped, ...withoutSource } = data.edges[1] ?? {};
    data.edges[1] = withoutSource as (typeof data.edges)[0];
    expect(problemsOf(data)).toEqual([
      "edges[1].source: source is missing: every renewal needs an https URL",
    ]);
  });

  it("names a duplicate certification code", () => {
    const data = makeCatalogData();
    data.certifications.push({ ...data.certifications[1], name: "again" } as (typeof data.certifications)[0]);
    expect(problemsOf(data)).toEqual(["certifications[3]: duplicate certification code ASC (first at [1])"]);
  });

  it("names a bad field with its path", () => {
    const data = makeCatalogData();
    (data.certifications[0] as { level: string }).level = "expert";
    expect(problemsOf(data)).toEqual([expect.stringMatching(/^certifications\[0\]\.level: /)]);
  });

  it("reports text that is not YAML", () => {
    const result = parseCatalog("certifications: [unclosed");
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/^not valid YAML/)]);
  });
});
