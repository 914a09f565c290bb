/** A question that may be asked next, with how often this channel has already had it. */
export interface Candidate {
  id: string;
  domain: number;
  timesAsked: number;
}

/**
 * Picks the next question for a channel:
 * - no repeat until the track's bank is used up (only the least-asked questions are eligible);
 * - among those, the domain furthest below its exam weight in what the channel has been asked so far;
 * - within the domain, a random question (`random` is seeded in tests).
 */
export function chooseNextQuestion(
  candidates: readonly Candidate[],
  askedPerDomain: ReadonlyMap<number, number>,
  weights: ReadonlyMap<number, number>,
  random: () => number,
): string | undefined {
  if (candidates.length === 0) return undefined;
  const fewest = Math.min(...candidates.map((candidate) => candidate.timesAsked));
  const pool = candidates.filter((candidate) => candidate.timesAsked === fewest);
  const totalWeight = [...weights.values()].reduce((sum, weight) => sum + weight, 0) || 1;
  const askedSoFar = [...askedPerDomain.values()].reduce((sum, count) => sum + count, 0);

  const deficit = (domain: number) =>
    ((weights.get(domain) ?? 0) / totalWeight) * (askedSoFar + 1) - (askedPerDomain.get(domain) ?? 0);
  const domains = [...new Set(pool.map((candidate) => candidate.domain))].sort(
    (a, b) => deficit(b) - deficit(a) || (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || a - b,
  );
  const chosenDomain = domains[0];
  const inDomain = pool
    .filter((candidate) => candidate.domain === chosenDomain)
    .sort((a, b) => a.id.localeCompare(b.id));
  return inDomain[Math.floor(random() * inDomain.length)]?.id;
}
