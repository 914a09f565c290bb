import { describe, expect, it } from "vitest";
import { certificationChoiceLabel, searchCertifications } from "../../src/certs/index.js";
import { findCertification } from "../../src/renewal/index.js";

const codes = (query: string) => searchCertifications(query).map((cert) => cert.code);

describe("searching certifications for autocomplete", () => {
  it("puts codes starting with the query first, ignoring case", () => {
    expect(codes("ai").slice(0, 2)).toEqual(["AIF", "AIP"]);
    expect(codes("SA")).toEqual(["SAA", "SAP"]);
  });

  it("matches exam codes and words of the name", () => {
    expect(codes("aip-c01")).toEqual(["AIP"]);
    expect(codes("machine learning")).toEqual(["MLA", "MLS", "GCP-PMLE"]);
  });

  it("matches Google Cloud codes with or without their prefix", () => {
    expect(codes("pca")).toEqual(["GCP-PCA"]);
    expect(codes("gcp-ace")).toEqual(["GCP-ACE"]);
  });

  it("offers at most 25, Discord's limit", () => {
    expect(codes("")).toHaveLength(25);
    expect(codes("e").length).toBeLessThanOrEqual(25);
  });

  it("labels a choice with code, name, exam code and retirement", () => {
    const mls = findCertification("MLS");
    if (!mls) throw new Error("MLS is in the catalog");
    expect(certificationChoiceLabel(mls)).toBe("MLS — Machine Learning – Specialty (MLS-C01) · retired");
  });
});
