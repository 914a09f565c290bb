/**
 * Near-duplicate stems: the share of word pairs two stems have in common (Jaccard over word bigrams).
 * Two scenarios that differ in a name or a number still score high; different scenarios score low.
 */
export const nearDuplicateThreshold = 0.7;

export function stemSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const pair of left) if (right.has(pair)) shared += 1;
  return shared / (left.size + right.size - shared);
}

function bigrams(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const pairs = new Set<string>();
  for (let index = 1; index < words.length; index += 1) pairs.add(`${words[index - 1]} ${words[index]}`);
  return pairs;
}
