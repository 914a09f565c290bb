// Queries over the renewal graph. Renewal is transitive in practice (passing AIP renewed DEA, MLA,
// AIF and CLF at once), so every answer carries the chain that explains it and its provenance.
import { type Catalog, getCatalog, resolveCertification, type UnknownCertification } from "./catalog.js";
import type { Certification, NonExamRenewal, RenewalEdge } from "./schema.js";

export type Chain = { codes: string[]; links: RenewalEdge[]; allOfficial: boolean };
export type Reach = { code: string; chain: Chain };
export type RenewsAnswer = { kind: "found"; cert: Certification; reach: Reach[] } | UnknownCertification;
export type RenewedByAnswer =
  | { kind: "found"; cert: Certification; reach: Reach[]; nonExam: NonExamRenewal[] }
  | UnknownCertification;
export type PathAnswer =
  | { kind: "found"; chain: Chain }
  | { kind: "no-path"; from: Certification; to: Certification }
  | UnknownCertification;

const outgoingCache = new WeakMap<Catalog, Map<string, RenewalEdge[]>>();

function outgoingEdges(catalog: Catalog, code: string): RenewalEdge[] {
  let index = outgoingCache.get(catalog);
  if (!index) {
    index = new Map();
    for (const edge of catalog.edges) index.set(edge.from, [...(index.get(edge.from) ?? []), edge]);
    outgoingCache.set(catalog, index);
  }
  return index.get(code) ?? [];
}

function makeChain(start: string, links: RenewalEdge[]): Chain {
  return {
    codes: [start, ...links.map((link) => link.to)],
    links,
    allOfficial: links.every((link) => link.provenance === "official"),
  };
}

/** Documented beats observed, then fewer links, then alphabetical so answers never flicker. */
function compareChains(a: Chain, b: Chain): number {
  if (a.allOfficial !== b.allOfficial) return a.allOfficial ? -1 : 1;
  return a.links.length - b.links.length || a.codes.join(">").localeCompare(b.codes.join(">"));
}

/** Best chain from `from` to every certification it reaches; the catalog is a small DAG, so all paths are tried. */
function findBestChains(catalog: Catalog, from: string): Map<string, Chain> {
  const best = new Map<string, Chain>();
  const walk = (code: string, links: RenewalEdge[]): void => {
    for (const edge of outgoingEdges(catalog, code)) {
      const chain = makeChain(from, [...links, edge]);
      const current = best.get(edge.to);
      if (!current || compareChains(chain, current) < 0) best.set(edge.to, chain);
      walk(edge.to, chain.links);
    }
  };
  walk(from, []);
  return best;
}

function sortReach(catalog: Catalog, reach: Reach[]): Reach[] {
  const order = new Map(catalog.certifications.map((cert, index) => [cert.code, index]));
  return reach.sort(
    (a, b) =>
      a.chain.links.length - b.chain.links.length || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0),
  );
}

/** Every certification that passing `code` renews, with its best chain (by canonical code). */
export function collectRenewed(code: string, catalog: Catalog = getCatalog()): Reach[] {
  return sortReach(
    catalog,
    [...findBestChains(catalog, code)].map(([to, chain]) => ({ code: to, chain })),
  );
}

/** Every exam whose pass renews `code`, directly or through others (by canonical code). */
export function collectRenewers(code: string, catalog: Catalog = getCatalog()): Reach[] {
  const reach = catalog.certifications.flatMap((cert) => {
    const chain = findBestChains(catalog, cert.code).get(code);
    return chain ? [{ code: cert.code, chain }] : [];
  });
  return sortReach(catalog, reach);
}

export function renews(input: string, catalog: Catalog = getCatalog()): RenewsAnswer {
  const found = resolveCertification(input, catalog);
  if (found.kind === "unknown") return found;
  return { kind: "found", cert: found.cert, reach: collectRenewed(found.cert.code, catalog) };
}

export function renewedBy(input: string, catalog: Catalog = getCatalog()): RenewedByAnswer {
  const found = resolveCertification(input, catalog);
  if (found.kind === "unknown") return found;
  const { code } = found.cert;
  const nonExam = catalog.nonExamRenewals.filter((option) => option.renews === code);
  return { kind: "found", cert: found.cert, reach: collectRenewers(code, catalog), nonExam };
}

export function path(fromInput: string, toInput: string, catalog: Catalog = getCatalog()): PathAnswer {
  const from = resolveCertification(fromInput, catalog);
  if (from.kind === "unknown") return from;
  const to = resolveCertification(toInput, catalog);
  if (to.kind === "unknown") return to;
  // Every exam renews its own certification: a chain of no links.
  if (from.cert.code === to.cert.code) return { kind: "found", chain: makeChain(from.cert.code, []) };
  const chain = findBestChains(catalog, from.cert.code).get(to.cert.code);
  return chain ? { kind: "found", chain } : { kind: "no-path", from: from.cert, to: to.cert };
}
