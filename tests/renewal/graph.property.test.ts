import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectRenewed, collectRenewers, path } from "../../src/renewal/graph.js";
import { arbitraryCatalog } from "./fixtures.js";

describe("renewal closure on random acyclic catalogs", () => {
  it("is transitive and never contains the certification itself", () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        for (const cert of catalog.certifications) {
          const reached = new Set(collectRenewed(cert.code, catalog).map((r) => r.code));
          expect(reached.has(cert.code)).toBe(false);
          for (const middle of reached) {
            for (const further of collectRenewed(middle, catalog))
              expect(reached.has(further.code)).toBe(true);
          }
        }
      }),
    );
  });

  it("makes renewedBy the exact inverse of renews", () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        for (const a of catalog.certifications) {
          for (const b of catalog.certifications) {
            const forward = collectRenewed(a.code, catalog).some((r) => r.code === b.code);
            const backward = collectRenewers(b.code, catalog).some((r) => r.code === a.code);
            expect(backward).toBe(forward);
          }
        }
      }),
    );
  });

  it("gives chains that start and end right, follow real edges, and agree with path", () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        const edges = new Set(catalog.edges.map((e) => `${e.from}>${e.to}`));
        for (const cert of catalog.certifications) {
          for (const { code, chain } of collectRenewed(cert.code, catalog)) {
            expect([chain.codes[0], chain.codes.at(-1)]).toEqual([cert.code, code]);
            for (const link of chain.links) expect(edges.has(`${link.from}>${link.to}`)).toBe(true);
            expect(chain.allOfficial).toBe(chain.links.every((l) => l.provenance === "official"));
            expect(path(cert.code, code, catalog)).toEqual({ kind: "found", chain });
          }
        }
      }),
    );
  });

  it("prefers an all-official chain whenever one exists", () => {
    fc.assert(
      fc.property(arbitraryCatalog, (catalog) => {
        const official = { ...catalog, edges: catalog.edges.filter((e) => e.provenance === "official") };
        for (const cert of catalog.certifications) {
          const officialReach = new Set(collectRenewed(cert.code, official).map((r) => r.code));
          for (const { code, chain } of collectRenewed(cert.code, catalog)) {
            expect(chain.allOfficial).toBe(officialReach.has(code));
          }
        }
      }),
    );
  });
});
