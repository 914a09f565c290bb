import type { Track } from "../questions/track.js";
import { type DomainTally, estimateReadiness } from "../stats/readiness.js";
import type { QuestionMemory } from "./spaced-repetition.js";

export interface PracticeCandidate {
  id: string;
  domain: number;
  /** Already asked in this session: offered again only once every other candidate has been. */
  served: boolean;
}

export interface PracticeChoiceInput {
  candidates: readonly PracticeCandidate[];
  memories: ReadonlyMap<string, QuestionMemory>;
  /** The member's answers per domain of the exam, for finding the weakest domain. */
  tallies: readonly DomainTally[];
  track: Track;
  now: Date;
  random: () => number;
}

export type PracticeReason = "missed" | "due" | "weak-domain" | "repeat";

/**
 * The next practice question, in this order (docs/SCORING.md, "Practice"):
 * 1. a question the member last answered wrong (longest overdue first);
 * 2. a question FSRS says is due for review (the one they are likeliest to have forgotten first);
 * 3. in the domain with most exam points at stake, weight × (1 − estimated accuracy): an unseen
 *    question, else the one they are likeliest to have forgotten;
 * 4. once every candidate was asked in this session, the same order again over all of them.
 */
export function choosePracticeQuestion(
  input: PracticeChoiceInput,
): { id: string; reason: PracticeReason } | undefined {
  const fresh = input.candidates.filter((candidate) => !candidate.served);
  const pool = fresh.length > 0 ? fresh : input.candidates;
  if (pool.length === 0) return undefined;
  const memory = (id: string) => input.memories.get(id);

  const missed = pool
    .filter((candidate) => memory(candidate.id)?.lastMissed)
    .sort((a, b) => dueTime(memory(a.id)) - dueTime(memory(b.id)) || a.id.localeCompare(b.id));
  if (missed[0]) return { id: missed[0].id, reason: fresh.length > 0 ? "missed" : "repeat" };

  const due = pool
    .filter((candidate) => dueTime(memory(candidate.id)) <= input.now.getTime())
    .sort((a, b) => recall(memory(a.id)) - recall(memory(b.id)) || a.id.localeCompare(b.id));
  if (due[0]) return { id: due[0].id, reason: fresh.length > 0 ? "due" : "repeat" };

  const readiness = estimateReadiness(input.track, input.tallies);
  const atStake = (domain: number) => {
    const found = readiness.domains.find((entry) => entry.number === domain);
    return found ? found.weight * (1 - found.estimate) : 0;
  };
  const domains = [...new Set(pool.map((candidate) => candidate.domain))].sort(
    (a, b) => atStake(b) - atStake(a) || a - b,
  );
  const inDomain = pool.filter((candidate) => candidate.domain === domains[0]);
  const unseen = inDomain
    .filter((candidate) => !memory(candidate.id))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (unseen.length > 0) {
    const pick = unseen[Math.floor(input.random() * unseen.length)];
    if (pick) return { id: pick.id, reason: fresh.length > 0 ? "weak-domain" : "repeat" };
  }
  const seen = [...inDomain].sort(
    (a, b) => recall(memory(a.id)) - recall(memory(b.id)) || a.id.localeCompare(b.id),
  );
  return seen[0] ? { id: seen[0].id, reason: fresh.length > 0 ? "weak-domain" : "repeat" } : undefined;
}

const dueTime = (memory: QuestionMemory | undefined) => memory?.due.getTime() ?? Number.POSITIVE_INFINITY;
const recall = (memory: QuestionMemory | undefined) => memory?.retrievability ?? 1;
