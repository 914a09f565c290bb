import { tokens } from "./words.js";

/**
 * Near-duplicates: the share of word pairs two stems have in common (Jaccard over word bigrams). Two
 * scenarios that differ in a name or a number still score high; different scenarios score low.
 */
export function stemSimilarity(a: string, b: string): number {
  return jaccard(stemBigrams(a), stemBigrams(b));
}

export function stemBigrams(text: string): Set<string> {
  const words = tokens(text);
  const pairs = new Set<string>();
  for (let index = 1; index < words.length; index += 1) pairs.add(`${words[index - 1]} ${words[index]}`);
  return pairs;
}

export function jaccard(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const item of left) if (right.has(item)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export interface SimilarPair {
  /** The later item's index. */
  index: number;
  /** The earlier item's index. */
  earlier: number;
  similarity: number;
}

/**
 * Every pair of items whose sets overlap at least `threshold` (Jaccard, threshold > 0), later item first,
 * earlier items in order: the same pairs a comparison of every pair finds. An inverted index from set
 * member to items means only items sharing a member are counted, so a bank of distinct scenarios costs
 * about the size of its text rather than the square of its questions.
 */
export function similarPairs(sets: readonly ReadonlySet<string>[], threshold: number): SimilarPair[] {
  const holders = new Map<string, number[]>();
  const pairs: SimilarPair[] = [];
  sets.forEach((set, index) => {
    const shared = new Map<number, number>();
    for (const member of set) {
      const earlier = holders.get(member);
      if (earlier) for (const other of earlier) shared.set(other, (shared.get(other) ?? 0) + 1);
      else holders.set(member, []);
      holders.get(member)?.push(index);
    }
    const candidates = [...shared.entries()].sort(([a], [b]) => a - b);
    for (const [earlier, count] of candidates) {
      const similarity = count / (set.size + (sets[earlier]?.size ?? 0) - count);
      if (similarity >= threshold) pairs.push({ index, earlier, similarity });
    }
  });
  return pairs;
}
