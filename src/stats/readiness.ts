import type { Track } from "../questions/track.js";

export interface DomainTally {
  domain: number;
  answered: number;
  correct: number;
}

export interface DomainAccuracy {
  number: number;
  name: string;
  /** The domain's share of the exam, in percent (the track's weight). */
  weight: number;
  answered: number;
  correct: number;
  /** correct / answered; undefined when the member has not answered a question of the domain. */
  accuracy: number | undefined;
  /** The accuracy used for readiness: pulled towards the member's overall accuracy on few answers. */
  estimate: number;
}

export interface Readiness {
  exam: string;
  domains: DomainAccuracy[];
  answered: number;
  correct: number;
  /** The answered domain with the lowest estimate (the heavier domain on a tie). */
  weakest: DomainAccuracy | undefined;
  /** Projected scaled score on the track's range, rounded to 10. */
  score: number;
  /** Half-width of a 95 % interval around the score, in scaled points. */
  margin: number;
  passingScore: number;
  scoreRange: readonly [number, number];
  /** Fewer than `confidentAfter` answers: say the estimate is rough. */
  lowConfidence: boolean;
}

/** Below this many answers to an exam the estimate is shown with a low-confidence note. */
export const confidentAfter = 20;
/** How many answers' worth of the overall accuracy a domain estimate starts from. */
const priorWeight = 3;

/**
 * Readiness, as documented in docs/SCORING.md:
 *   overall  p  = (correct + 1) / (answered + 2)
 *   domain   pᵢ = (correctᵢ + k·p) / (answeredᵢ + k),  k = 3
 *   weighted A  = Σ wᵢ·pᵢ / Σ wᵢ                     (wᵢ = the exam guide's domain weights)
 *   score    S  = low + (high − low) · A              (100–1000 for AWS exams)
 *   margin      = (high − low) · 1.96 · √(A(1 − A) / answered)
 */
export function estimateReadiness(track: Track, tallies: readonly DomainTally[]): Readiness {
  const byDomain = new Map(tallies.map((tally) => [tally.domain, tally]));
  const answered = tallies.reduce((sum, tally) => sum + tally.answered, 0);
  const correct = tallies.reduce((sum, tally) => sum + tally.correct, 0);
  const overall = (correct + 1) / (answered + 2);
  const domains = track.domains.map((domain): DomainAccuracy => {
    const tally = byDomain.get(domain.number) ?? { answered: 0, correct: 0 };
    return {
      number: domain.number,
      name: domain.name,
      weight: domain.weight,
      answered: tally.answered,
      correct: tally.correct,
      accuracy: tally.answered === 0 ? undefined : tally.correct / tally.answered,
      estimate: (tally.correct + priorWeight * overall) / (tally.answered + priorWeight),
    };
  });
  const totalWeight = domains.reduce((sum, domain) => sum + domain.weight, 0);
  const weighted = domains.reduce((sum, domain) => sum + domain.weight * domain.estimate, 0) / totalWeight;
  const [low, high] = track.scoreRange;
  const span = high - low;
  const margin = answered === 0 ? span / 2 : span * 1.96 * Math.sqrt((weighted * (1 - weighted)) / answered);
  const weakest = domains
    .filter((domain) => domain.answered > 0)
    .sort((a, b) => a.estimate - b.estimate || b.weight - a.weight)[0];
  return {
    exam: track.exam,
    domains,
    answered,
    correct,
    weakest,
    score: Math.round((low + span * weighted) / 10) * 10,
    margin: Math.round(margin / 10) * 10,
    passingScore: track.passingScore,
    scoreRange: track.scoreRange,
    lowConfidence: answered < confidentAfter,
  };
}

/**
 * How much one answer counts in the readiness estimate, by where it was given (docs/SCORING.md): a mock
 * exam at the exam's pace counts most; practice, with its immediate feedback and repeats, least.
 */
export const answerWeights = { daily: 1, practice: 0.5, mock: 2 } as const;

/** Adds per-domain tallies from several sources, each scaled by its weight (counts may be fractional). */
export function blendTallies(
  sources: ReadonlyArray<{ weight: number; tallies: readonly DomainTally[] }>,
): DomainTally[] {
  const byDomain = new Map<number, DomainTally>();
  for (const { weight, tallies } of sources) {
    for (const tally of tallies) {
      const sum = byDomain.get(tally.domain) ?? { domain: tally.domain, answered: 0, correct: 0 };
      sum.answered += weight * tally.answered;
      sum.correct += weight * tally.correct;
      byDomain.set(tally.domain, sum);
    }
  }
  return [...byDomain.values()];
}
