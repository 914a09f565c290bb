import { describe, expect, it } from "vitest";
import { path, renewedBy, renews } from "../../src/renewal/graph.js";

function reachOf(answer: ReturnType<typeof renews> | ReturnType<typeof renewedBy>) {
  if (answer.kind !== "found") throw new Error(`expected a known certification, got ${answer.input}`);
  return Object.fromEntries(
    answer.reach.map((r) => [r.code, { chain: r.chain.codes.join(" → "), official: r.chain.allOfficial }]),
  );
}

describe("renews", () => {
  it("says passing AIP renews DEA and MLA (observed), AIF through MLA, and CLF (official)", () => {
    expect(reachOf(renews("AIP"))).toEqual({
      CLF: { chain: "AIP → CLF", official: true },
      DEA: { chain: "AIP → DEA", official: false },
      MLA: { chain: "AIP → MLA", official: false },
      AIF: { chain: "AIP → MLA → AIF", official: false },
    });
  });

  it("prefers the all-official chain to CLF over a shorter-looking observed one", () => {
    // DOP reaches CLF directly (official) and through DVA/SOA (observed, then official).
    expect(reachOf(renews("DOP")).CLF).toEqual({ chain: "DOP → CLF", official: true });
  });

  it("says a Specialty renews nothing but itself", () => {
    expect(reachOf(renews("SCS"))).toEqual({});
  });

  it("answers an unknown code with suggestions instead of throwing", () => {
    expect(renews("AIX")).toEqual({ kind: "unknown", input: "AIX", suggestions: ["AIF", "AIP"] });
  });
});

describe("renewedBy", () => {
  it("lists every Associate and Professional exam for CLF, plus Cloud Quest apart", () => {
    const answer = renewedBy("clf");
    expect(Object.keys(reachOf(answer)).sort()).toEqual([
      "AIP",
      "DEA",
      "DOP",
      "DVA",
      "MLA",
      "SAA",
      "SAP",
      "SOA",
    ]);
    expect(answer.kind === "found" && answer.nonExam.map((o) => o.name)).toEqual([
      "AWS Cloud Quest: Recertify Cloud Practitioner",
    ]);
  });

  it("lists AIP as renewing AIF only through MLA", () => {
    expect(reachOf(renewedBy("AIF"))).toEqual({
      MLA: { chain: "MLA → AIF", official: true },
      AIP: { chain: "AIP → MLA → AIF", official: false },
    });
  });

  it("lists nothing for a Google Cloud certification", () => {
    expect(reachOf(renewedBy("GCP-PCA"))).toEqual({});
  });
});

describe("path", () => {
  it("returns the chain with its links", () => {
    const answer = path("AIP", "AIF");
    expect(answer.kind === "found" && answer.chain.links.map((l) => l.provenance)).toEqual([
      "observed",
      "official",
    ]);
  });

  it("returns a no-path value when no chain leads there", () => {
    expect(path("CLF", "SAA")).toMatchObject({ kind: "no-path", from: { code: "CLF" }, to: { code: "SAA" } });
  });

  it("treats a certification as reaching itself with no links", () => {
    expect(path("SAA", "saa")).toMatchObject({ kind: "found", chain: { codes: ["SAA"], links: [] } });
  });
});
