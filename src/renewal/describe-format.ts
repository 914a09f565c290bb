// Small wording helpers shared by the describe* functions (plain text with Discord markdown).
import type { UnknownCertification } from "./catalog.js";
import type { Chain } from "./graph.js";
import type { Certification } from "./schema.js";

/** "**AIP-C01** (Generative AI Developer – Professional)"; Google Cloud certs have no exam code here. */
export function formatCertLabel(cert: Certification): string {
  return `**${cert.examCode ?? cert.code}** (${cert.name})`;
}

export function joinWords(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

export function formatChainCodes(chain: Chain): string {
  return chain.codes.join(" → ");
}

/** Says which links are documented and which were only observed. */
export function formatProvenance(chain: Chain): string {
  const kinds = new Set(chain.links.map((link) => link.provenance));
  if (kinds.size === 1) return chain.links.length > 1 ? `all ${[...kinds][0]}` : String([...kinds][0]);
  return chain.links.map((link) => `${link.from} → ${link.to} ${link.provenance}`).join(", ");
}

/** Direct links grouped by provenance ("DEA and MLA (observed)"); longer chains one by one with their route. */
export function formatReachGroups(entries: readonly { code: string; chain: Chain }[]): string[] {
  const direct = entries.filter((entry) => entry.chain.links.length === 1);
  const groups = (["official", "observed"] as const).flatMap((kind) => {
    const codes = direct
      .filter((entry) => entry.chain.links[0]?.provenance === kind)
      .map((entry) => entry.code);
    return codes.length > 0 ? [`${joinWords(codes)} (${kind})`] : [];
  });
  const indirect = entries
    .filter((entry) => entry.chain.links.length > 1)
    .map((entry) => {
      const via = entry.chain.codes.slice(1, -1).join(" → ");
      return `${entry.code} (via ${via}: ${formatProvenance(entry.chain)})`;
    });
  return [...groups, ...indirect];
}

export function formatValidity(months: number): string {
  return months % 12 === 0 ? `${months / 12} years` : `${months} months`;
}

export function describeUnknown(unknown: UnknownCertification): string {
  const hint = unknown.suggestions.length > 0 ? ` Did you mean ${joinWords(unknown.suggestions, "or")}?` : "";
  return `I don't know a certification called “${unknown.input}”.${hint}`;
}

export const provenanceLegend =
  "Official = on the provider's recertification page; observed = reported by candidates, the official row not read.";
