// Checks that span records: each returns readable problems instead of throwing, so one load
// reports every mistake in the data file at once.
import type { CatalogFile, RenewalEdge } from "./schema.js";
import { suggestCodes } from "./suggest.js";

function describeEdge(edge: RenewalEdge, index: number): string {
  return `edges[${index}] (${edge.from} → ${edge.to})`;
}

export function findDuplicateCodes(file: CatalogFile): string[] {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  file.certifications.forEach((cert, index) => {
    const key = cert.code.toUpperCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      problems.push(
        `certifications[${index}]: duplicate certification code ${cert.code} (first at [${first}])`,
      );
  });
  return problems;
}

export function findRetiredWithoutDate(file: CatalogFile): string[] {
  return file.certifications.flatMap((cert, index) =>
    cert.status === "retired" && cert.retiredOn === undefined
      ? [`certifications[${index}] (${cert.code}): status retired needs retiredOn (the last exam day)`]
      : [],
  );
}

function unknownCodeProblem(where: string, code: string, known: readonly string[]): string {
  const hints = suggestCodes(code, known);
  const hint = hints.length > 0 ? `; did you mean ${hints.join(", ")}?` : "";
  return `${where}: unknown certification code ${code}${hint}`;
}

export function findUnknownCodes(file: CatalogFile): string[] {
  const known = file.certifications.map((cert) => cert.code);
  const knownSet = new Set(known);
  const problems: string[] = [];
  file.edges.forEach((edge, index) => {
    for (const code of [edge.from, edge.to]) {
      if (!knownSet.has(code)) problems.push(unknownCodeProblem(describeEdge(edge, index), code, known));
    }
  });
  file.nonExamRenewals.forEach((option, index) => {
    if (!knownSet.has(option.renews)) {
      problems.push(unknownCodeProblem(`nonExamRenewals[${index}] (${option.name})`, option.renews, known));
    }
  });
  return problems;
}

export function findSelfAndDuplicateEdges(file: CatalogFile): string[] {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  file.edges.forEach((edge, index) => {
    if (edge.from === edge.to) {
      problems.push(
        `${describeEdge(edge, index)}: self-edge; every exam already renews its own certification`,
      );
      return;
    }
    const key = `${edge.from}>${edge.to}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else problems.push(`${describeEdge(edge, index)}: duplicate edge (first at edges[${first}])`);
  });
  return problems;
}

/** Renewal must flow downhill: a cycle would mean two exams renew each other, which no provider offers. */
export function findCycle(file: CatalogFile): string[] {
  const next = new Map<string, string[]>();
  for (const edge of file.edges) {
    if (edge.from !== edge.to) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (code: string): string[] | undefined => {
    state.set(code, "open");
    stack.push(code);
    for (const target of next.get(code) ?? []) {
      if (state.get(target) === "open") return [...stack.slice(stack.indexOf(target)), target];
      if (state.get(target) === undefined) {
        const cycle = visit(target);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(code, "done");
    return undefined;
  };
  for (const code of [...next.keys()].sort()) {
    if (state.get(code) !== undefined) continue;
    const cycle = visit(code);
    if (cycle) return [`edges: renewal cycle ${cycle.join(" → ")}`];
  }
  return [];
}
