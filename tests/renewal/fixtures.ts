// Shared test data: a small valid catalog to break in one place at a time, and a random-DAG generator.
import fc from "fast-check";
import { buildCatalog, type Catalog } from "../../src/renewal/catalog.js";
import type { HeldCert } from "../../src/renewal/expiry.js";

const source = "https://aws.amazon.com/certification/recertification/";

export function makeCatalogData() {
  const cert = (code: string, level: string) => ({
    code,
    name: `${code} name`,
    provider: "aws",
    level,
    examCode: `${code}-C01`,
    examMinutes: 100,
    validityMonths: 36,
    status: "active",
  });
  return {
    certifications: [cert("PRO", "professional"), cert("ASC", "associate"), cert("FND", "foundational")],
    edges: [
      { from: "PRO", to: "ASC", provenance: "official", source, checked: "2026-11-26" },
      { from: "ASC", to: "FND", provenance: "observed", source, checked: "2026-11-26" },
    ],
  };
}

export function expectCatalog(data: unknown): Catalog {
  const result = buildCatalog(data);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.catalog;
}

const codes = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH"];

/** Random acyclic catalogs: edges only run from a lower index to a higher one. */
export const arbitraryCatalog = fc
  .record({
    size: fc.integer({ min: 2, max: codes.length }),
    edges: fc.array(fc.record({ a: fc.nat(7), b: fc.nat(7), observed: fc.boolean() }), { maxLength: 16 }),
    retired: fc.array(fc.boolean(), { minLength: codes.length, maxLength: codes.length }),
    minutes: fc.array(fc.integer({ min: 60, max: 180 }), {
      minLength: codes.length,
      maxLength: codes.length,
    }),
  })
  .map(({ size, edges, retired, minutes }) => {
    const used = codes.slice(0, size);
    const unique = new Map<string, { from: string; to: string; observed: boolean }>();
    for (const { a, b, observed } of edges) {
      const [lo, hi] = [Math.min(a, b) % size, Math.max(a, b) % size];
      const from = used[lo];
      const to = used[hi];
      if (lo < hi && from && to) unique.set(`${from}>${to}`, { from, to, observed });
    }
    return expectCatalog({
      certifications: used.map((code, i) => ({
        code,
        name: `${code} certification`,
        provider: "aws",
        level: "associate",
        examCode: `${code}-C01`,
        examMinutes: minutes[i] ?? 100,
        validityMonths: 36,
        status: retired[i] ? "retired" : "active",
        ...(retired[i] ? { retiredOn: "2026-01-01" } : {}),
      })),
      edges: [...unique.values()].map(({ from, to, observed }) => ({
        from,
        to,
        provenance: observed ? "observed" : "official",
        source,
        checked: "2026-11-26",
      })),
    });
  });

/** A member whose certifications were earned months apart, so they expire one after another. */
export const staggered: HeldCert[] = [
  { code: "CLF", earnedOn: "2024-01-15", expiresOn: "2027-01-15" },
  { code: "SAA", earnedOn: "2024-03-10", expiresOn: "2027-03-10" },
  { code: "DEA", earnedOn: "2024-06-15", expiresOn: "2027-06-15" },
  { code: "DVA", earnedOn: "2024-08-01", expiresOn: "2027-08-01" },
  { code: "AIF", earnedOn: "2024-09-05", expiresOn: "2027-09-05" },
  { code: "MLA", earnedOn: "2024-10-20", expiresOn: "2027-10-20" },
];
