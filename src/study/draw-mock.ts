import type { Track } from "../questions/track.js";

export interface MockCandidate {
  id: string;
  domain: number;
  /** How often the member has answered it before: a mock prefers questions they have not seen. */
  timesSeen: number;
}

/**
 * Questions per domain for a mock of `size`, in proportion to the exam's domain weights (largest
 * remainder), never more than a domain has; what a domain lacks goes to the others by weight.
 */
export function apportionByWeight(
  size: number,
  track: Track,
  available: ReadonlyMap<number, number>,
): Map<number, number> {
  const counts = new Map(track.domains.map((domain) => [domain.number, 0]));
  let left = Math.min(
    size,
    [...available.values()].reduce((sum, count) => sum + count, 0),
  );
  while (left > 0) {
    const open = track.domains.filter(
      (domain) => (counts.get(domain.number) ?? 0) < (available.get(domain.number) ?? 0),
    );
    const weight = open.reduce((sum, domain) => sum + domain.weight, 0);
    const shares = open.map((domain) => ({ domain, exact: (left * domain.weight) / weight }));
    let given = 0;
    for (const { domain, exact } of shares) {
      const room = (available.get(domain.number) ?? 0) - (counts.get(domain.number) ?? 0);
      const take = Math.min(room, Math.floor(exact));
      counts.set(domain.number, (counts.get(domain.number) ?? 0) + take);
      given += take;
    }
    // Largest remainders get one more each, heavier domains first on a tie.
    const byRemainder = shares
      .filter(({ domain }) => (counts.get(domain.number) ?? 0) < (available.get(domain.number) ?? 0))
      .sort((a, b) => (b.exact % 1) - (a.exact % 1) || b.domain.weight - a.domain.weight);
    for (const { domain } of byRemainder) {
      if (given >= left || byRemainder.length === 0) break;
      counts.set(domain.number, (counts.get(domain.number) ?? 0) + 1);
      given += 1;
    }
    if (given === 0) break;
    left -= given;
  }
  return counts;
}

/** Draws a mock: per-domain counts by weight, unseen questions first within a domain, in random order. */
export function drawMock(
  candidates: readonly MockCandidate[],
  track: Track,
  size: number,
  random: () => number,
): MockCandidate[] {
  const available = new Map<number, number>();
  for (const candidate of candidates)
    available.set(candidate.domain, (available.get(candidate.domain) ?? 0) + 1);
  const counts = apportionByWeight(size, track, available);
  const drawn = [...counts].flatMap(([domain, count]) =>
    shuffle(
      candidates.filter((candidate) => candidate.domain === domain),
      random,
    )
      .sort((a, b) => a.timesSeen - b.timesSeen)
      .slice(0, count),
  );
  return shuffle(drawn, random);
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
