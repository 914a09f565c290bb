import type { Track } from "../questions/track.js";
import { estimateReadiness, type Readiness } from "../stats/readiness.js";
import type { StudyItem, StudySession } from "./sessions.js";

/** The exam's pace: 180 minutes for 75 questions. */
export const secondsPerQuestion = 144;

export interface DomainResult {
  number: number;
  name: string;
  weight: number;
  total: number;
  correct: number;
}

export interface MockReport {
  session: StudySession;
  total: number;
  correct: number;
  unanswered: number;
  domains: DomainResult[];
  /** The projected scaled score of this attempt, with its uncertainty (src/stats/readiness.ts). */
  readiness: Readiness;
  secondsUsed: number;
  secondsAllowed: number;
  /** The attempt ran out of time rather than being finished by the member. */
  timedOut: boolean;
  /** The questions that took longest, slowest first (up to three, only those over the pace). */
  slowest: Array<{ position: number; domain: number; seconds: number }>;
  /** Wrong or unanswered, in exam order. */
  review: Array<{ position: number; domain: number; choices: string }>;
}

/** The score report of a finished mock, from its scored items. */
export function buildMockReport(
  session: StudySession,
  items: readonly StudyItem[],
  track: Track,
): MockReport {
  const domains = track.domains
    .map((domain) => {
      const mine = items.filter((item) => item.domain === domain.number);
      return {
        number: domain.number,
        name: domain.name,
        weight: domain.weight,
        total: mine.length,
        correct: mine.filter((item) => item.correct).length,
      };
    })
    .filter((domain) => domain.total > 0);
  const readiness = estimateReadiness(
    track,
    domains.map((domain) => ({ domain: domain.number, answered: domain.total, correct: domain.correct })),
  );
  const end = session.finishedAt ?? session.deadline ?? session.startedAt;
  return {
    session,
    total: items.length,
    correct: items.filter((item) => item.correct).length,
    unanswered: items.filter((item) => item.choices.length < item.answerSize).length,
    domains,
    readiness,
    secondsUsed: Math.max(0, Math.round((end.getTime() - session.startedAt.getTime()) / 1000)),
    secondsAllowed: session.size * secondsPerQuestion,
    timedOut: session.deadline !== null && end.getTime() >= session.deadline.getTime(),
    slowest: items
      .filter((item) => item.secondsSpent > secondsPerQuestion)
      .sort((a, b) => b.secondsSpent - a.secondsSpent || a.position - b.position)
      .slice(0, 3)
      .map((item) => ({ position: item.position, domain: item.domain, seconds: item.secondsSpent })),
    review: items
      .filter((item) => !item.correct)
      .map((item) => ({ position: item.position, domain: item.domain, choices: item.choices })),
  };
}
