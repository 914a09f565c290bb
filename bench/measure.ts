import { performance } from "node:perf_hooks";

export interface Timing {
  runs: number;
  p50: number;
  p95: number;
}

/** Runs `work` a few times to warm caches, then `runs` times, and returns the percentiles in ms. */
export async function measure(
  runs: number,
  work: (run: number) => Promise<unknown>,
  warmup = 3,
): Promise<Timing> {
  for (let run = 0; run < warmup; run += 1) await work(run);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work(run);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { runs, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

/** Nearest-rank percentile. */
function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

/** A deterministic sequence of members to ask as, spread over the whole server. */
export function pickMember(run: number, members: number): number {
  return (run * 7_919 + 13) % members;
}
