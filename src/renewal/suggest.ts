// "Did you mean …" for mistyped certification codes: members type AIP, aip-c01, SAP-C3 or "security".

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export type SuggestionCandidate = { code: string; names: readonly string[] };

/** Scores a guess against a code and its other names (exam code, full name); lower is closer. */
function scoreCandidate(guess: string, candidate: SuggestionCandidate): number {
  const labels = [candidate.code, ...candidate.names].map((label) => label.toUpperCase());
  // A fragment of a name ("security") or a code followed by a wrong exam version ("SAP-C3") is a near-hit.
  const contains = labels.some((label) => guess.length >= 3 && label.includes(guess));
  const prefixed = candidate.code.length >= 3 && guess.startsWith(candidate.code.toUpperCase());
  const distance = Math.min(...labels.map((label) => editDistance(guess, label)));
  return contains || prefixed ? 0.5 : distance;
}

/** Closest candidates first; only those near enough to be a plausible typo. */
export function suggestAmong(input: string, candidates: readonly SuggestionCandidate[], limit = 3): string[] {
  const guess = input.trim().toUpperCase();
  if (guess === "") return [];
  const threshold = Math.max(1, Math.floor(guess.length / 2));
  return candidates
    .map((candidate) => ({ code: candidate.code, score: scoreCandidate(guess, candidate) }))
    .filter((entry) => entry.score <= threshold)
    .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code))
    .slice(0, limit)
    .map((entry) => entry.code);
}

export function suggestCodes(input: string, codes: readonly string[], limit = 3): string[] {
  return suggestAmong(
    input,
    codes.map((code) => ({ code, names: [] })),
    limit,
  );
}
