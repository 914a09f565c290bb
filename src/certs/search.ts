// Certification lookup for members typing into an option: by code, exam code or name, ignoring case.
import { type Certification, getCatalog } from "../renewal/index.js";

export const maxChoices = 25;

/** Code prefix first, then exam code, then anywhere in the code or name; catalog order within each. */
export function searchCertifications(query: string, limit = maxChoices): Certification[] {
  const q = query.trim().toLowerCase();
  const all = getCatalog().certifications;
  if (q === "") return all.slice(0, limit);
  const rank = (cert: Certification): number => {
    const code = cert.code.toLowerCase();
    const examCode = cert.examCode?.toLowerCase() ?? "";
    if (code === q || examCode === q) return 0;
    if (code.startsWith(q) || code.replace(/^gcp-/, "").startsWith(q)) return 1;
    if (examCode.startsWith(q)) return 2;
    if (code.includes(q) || cert.name.toLowerCase().includes(q)) return 3;
    return 4;
  };
  return all
    .map((cert, index) => ({ cert, index, rank: rank(cert) }))
    .filter((entry) => entry.rank < 4)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.cert);
}

/** "AIP — Generative AI Developer – Professional (AIP-C01)", within Discord's 100-character choice limit. */
export function certificationChoiceLabel(cert: Certification): string {
  const exam = cert.examCode ? ` (${cert.examCode})` : "";
  const retired = cert.status === "retired" ? " · retired" : "";
  return `${cert.code} — ${cert.name}${exam}${retired}`.slice(0, 100);
}
