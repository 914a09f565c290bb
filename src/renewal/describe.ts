// One-paragraph answers about the renewal graph, for members (plain text, Discord markdown).
import { type Catalog, getCatalog } from "./catalog.js";
import {
  describeUnknown,
  formatCertLabel,
  formatChainCodes,
  formatProvenance,
  formatReachGroups,
  formatValidity,
  joinWords,
  provenanceLegend,
} from "./describe-format.js";
import { path, type Reach, renewedBy, renews } from "./graph.js";
import type { Certification, Level } from "./schema.js";

function formatRetirement(cert: Certification): string {
  return cert.status === "retired" && cert.retiredOn
    ? ` It is retired: the last exam day was ${cert.retiredOn}.`
    : "";
}

export function describeRenews(input: string, catalog: Catalog = getCatalog()): string {
  const answer = renews(input, catalog);
  if (answer.kind === "unknown") return describeUnknown(answer);
  const { cert, reach } = answer;
  const label = formatCertLabel(cert);
  if (reach.length === 0) {
    return `Passing ${label} renews only ${cert.code} itself.${formatRetirement(cert)}`;
  }
  const renewed = formatReachGroups(reach).join("; ");
  return (
    `Passing ${label} renews ${cert.code} itself and also ${renewed}. ` +
    `Each of them still active gets another ${formatValidity(cert.validityMonths)}, counted from the pass date; a lapsed one must be earned again.` +
    `${formatRetirement(cert)} ${provenanceLegend}`
  );
}

const levelTitles: Record<Level, string> = {
  foundational: "Foundational",
  associate: "Associate",
  professional: "Professional",
  specialty: "Specialty",
};

function formatRenewersByLevel(reach: readonly Reach[], catalog: Catalog): string[] {
  return (["foundational", "associate", "professional", "specialty"] as const).flatMap((level) => {
    const entries = reach.filter((entry) => catalog.byCode.get(entry.code)?.level === level);
    return entries.length > 0 ? [`${levelTitles[level]}: ${formatReachGroups(entries).join("; ")}`] : [];
  });
}

export function describeRenewedBy(input: string, catalog: Catalog = getCatalog()): string {
  const answer = renewedBy(input, catalog);
  if (answer.kind === "unknown") return describeUnknown(answer);
  const { cert, reach, nonExam } = answer;
  if (cert.status === "retired" && reach.length === 0 && nonExam.length === 0) {
    return `${formatCertLabel(cert)} can no longer be renewed: only its own exam renewed it, and that exam was retired (last exam day ${cert.retiredOn ?? "unknown"}). A held one stays valid until it expires.`;
  }
  const own = `${formatCertLabel(cert)} is renewed by passing its own exam`;
  const others =
    reach.length > 0 ? ` or any of these: ${formatRenewersByLevel(reach, catalog).join(". ")}.` : " only.";
  const options = nonExam.map(
    (option) => `${option.name} (${option.provenance}${option.note ? `; ${option.note}` : ""})`,
  );
  const withoutExam = options.length > 0 ? ` Without an exam: ${joinWords(options)}.` : "";
  const legend = reach.length > 0 ? ` ${provenanceLegend}` : "";
  return `${own}${others}${withoutExam} Only an active certification can be renewed.${formatRetirement(cert)}${legend}`;
}

export function describePath(fromInput: string, toInput: string, catalog: Catalog = getCatalog()): string {
  const answer = path(fromInput, toInput, catalog);
  if (answer.kind === "unknown") return describeUnknown(answer);
  if (answer.kind === "no-path") {
    return `Passing ${formatCertLabel(answer.from)} does not renew ${answer.to.code}: no renewal chain leads from ${answer.from.code} to ${answer.to.code}.`;
  }
  const { chain } = answer;
  const from = chain.codes[0] ?? "";
  const to = chain.codes.at(-1) ?? "";
  if (chain.links.length === 0) return `Passing ${from} renews ${to} itself.`;
  const how = chain.links.length === 1 ? "directly" : `through ${chain.codes.slice(1, -1).join(" and ")}`;
  return `Passing ${from} renews ${to} ${how}: ${formatChainCodes(chain)} (${formatProvenance(chain)}).`;
}
