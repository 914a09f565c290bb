// Exact minimum set cover for the renewal planner. The graph is small (a dozen exams), so an exact
// branch-and-bound search is cheap and gives answers a member can trust to be optimal.

export type CoverOption = { code: string; minutes: number; covers: ReadonlySet<string> };

type Cost = { size: number; minutes: number; key: string };

function costOf(options: readonly CoverOption[]): Cost {
  return {
    size: options.length,
    minutes: options.reduce((sum, option) => sum + option.minutes, 0),
    key: options
      .map((option) => option.code)
      .sort()
      .join(","),
  };
}

/** Fewer exams, then fewer exam minutes, then alphabetical codes. */
export function compareCovers(a: readonly CoverOption[], b: readonly CoverOption[]): number {
  const ca = costOf(a);
  const cb = costOf(b);
  return ca.size - cb.size || ca.minutes - cb.minutes || ca.key.localeCompare(cb.key);
}

/** The best cover of every coverable target, or [] when nothing needs covering. */
export function findMinimumCover(targets: readonly string[], options: readonly CoverOption[]): CoverOption[] {
  const coverable = targets.filter((target) => options.some((option) => option.covers.has(target)));
  let best: CoverOption[] | undefined;

  const search = (chosen: CoverOption[]): void => {
    const uncovered = coverable.filter((target) => !chosen.some((option) => option.covers.has(target)));
    if (uncovered.length === 0) {
      if (!best || compareCovers(chosen, best) < 0) best = [...chosen];
      return;
    }
    // Adding anything makes it at least as large as the best: no improvement is possible here.
    if (best && chosen.length >= best.length) return;
    // Branch on the target with the fewest ways to cover it: forced choices cost no branching.
    const coverersOf = (target: string) => options.filter((option) => option.covers.has(target));
    const pivot = uncovered.reduce((a, b) => (coverersOf(b).length < coverersOf(a).length ? b : a));
    for (const option of coverersOf(pivot)) search([...chosen, option]);
  };

  search([]);
  return best ?? [];
}
