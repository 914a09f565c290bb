// Loads and validates the renewal catalog. Bad data is reported as a list of readable problems;
// the shipped file is validated once and cached, and a broken shipped file is a bug, so it throws.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import {
  findCycle,
  findDuplicateCodes,
  findRetiredWithoutDate,
  findSelfAndDuplicateEdges,
  findUnknownCodes,
} from "./catalog-checks.js";
import { type CatalogFile, type Certification, catalogFileSchema } from "./schema.js";
import { suggestAmong } from "./suggest.js";

export type Catalog = CatalogFile & { byCode: ReadonlyMap<string, Certification> };
export type CatalogResult = { ok: true; catalog: Catalog } | { ok: false; problems: string[] };
export type UnknownCertification = { kind: "unknown"; input: string; suggestions: string[] };
export type CertificationLookup = { kind: "found"; cert: Certification } | UnknownCertification;

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === "number" ? `[${key}]` : `.${String(key)}`))
    .join("")
    .replace(/^\./, "");
}

/** Validates already-parsed data (from YAML, or built in tests). */
export function buildCatalog(data: unknown): CatalogResult {
  const parsed = catalogFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${formatPath(i.path) || "file"}: ${i.message}`),
    };
  }
  const file = parsed.data;
  const problems = [
    ...findDuplicateCodes(file),
    ...findRetiredWithoutDate(file),
    ...findUnknownCodes(file),
    ...findSelfAndDuplicateEdges(file),
    ...findCycle(file),
  ];
  if (problems.length > 0) return { ok: false, problems };
  const byCode = new Map(file.certifications.map((cert) => [cert.code.toUpperCase(), cert]));
  return { ok: true, catalog: { ...file, byCode } };
}

/** Validates the text of a catalog file, e.g. a changed certifications.yaml before it ships. */
export function parseCatalog(text: string): CatalogResult {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    return {
      ok: false,
      problems: [`not valid YAML: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  return buildCatalog(data);
}

let cached: Catalog | undefined;

/** The catalog shipped next to this file, validated on first use. */
export function getCatalog(): Catalog {
  if (cached) return cached;
  const text = readFileSync(new URL("./certifications.yaml", import.meta.url), "utf8");
  const result = parseCatalog(text);
  if (!result.ok) throw new Error(`certifications.yaml is invalid:\n- ${result.problems.join("\n- ")}`);
  cached = result.catalog;
  return cached;
}

/** Looks a certification up by code or exam code, ignoring case: "aip", "AIP-C01" and "AIP" all match. */
export function findCertification(input: string, catalog: Catalog = getCatalog()): Certification | undefined {
  const key = input.trim().toUpperCase();
  return (
    catalog.byCode.get(key) ??
    catalog.certifications.find(
      (cert) => cert.examCode === key || cert.upcoming.some((u) => u.examCode === key),
    )
  );
}

/** Closest codes for a mistyped code or a name fragment ("securty" → SCS, GCP-PCSE). */
export function suggest(input: string, catalog: Catalog = getCatalog()): string[] {
  const candidates = catalog.certifications.map((cert) => ({
    code: cert.code,
    names: [cert.name, ...(cert.examCode ? [cert.examCode] : [])],
  }));
  return suggestAmong(input, candidates);
}

export function resolveCertification(input: string, catalog: Catalog = getCatalog()): CertificationLookup {
  const cert = findCertification(input, catalog);
  return cert ? { kind: "found", cert } : { kind: "unknown", input, suggestions: suggest(input, catalog) };
}
