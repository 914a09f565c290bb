import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { domainStats, memberStats } from "../db/schema.js";
import type { Track } from "../questions/track.js";
import { type StudyFigures, studyFigures } from "../study/study-stats.js";
import {
  answerWeights,
  blendTallies,
  confidentAfter,
  type DomainTally,
  estimateReadiness,
  type Readiness,
} from "./readiness.js";

export interface MemberStats {
  userId: string;
  points: number;
  answered: number;
  correct: number;
  accuracy: number;
  currentStreak: number;
  bestStreak: number;
  lastAnsweredOn: string | null;
  /** One per exam the member has answered in this server (with a known track), most answered first. */
  exams: Readiness[];
  /** Practice and mock figures, kept apart from the daily points above. */
  study: Omit<StudyFigures, "tallies">;
}

/**
 * A member's totals in one server, per-domain accuracy and readiness per exam (daily, practice and mock
 * answers, weighted as answerWeights says): two primary-key reads and two reads of the member's sessions.
 */
export async function memberStatsFor(
  db: Db,
  guildId: string,
  userId: string,
  tracks: ReadonlyMap<string, Track>,
): Promise<MemberStats | undefined> {
  const [totals] = await db
    .select()
    .from(memberStats)
    .where(and(eq(memberStats.guildId, guildId), eq(memberStats.userId, userId)));
  const { tallies: studyTallies, ...study } = await studyFigures(db, guildId, userId);
  if (!totals && studyTallies.length === 0) return undefined;
  const rows = await db
    .select({
      exam: domainStats.exam,
      domain: domainStats.domain,
      answered: domainStats.answered,
      correct: domainStats.correct,
    })
    .from(domainStats)
    .where(and(eq(domainStats.guildId, guildId), eq(domainStats.userId, userId)))
    .orderBy(
      desc(sql`sum(${domainStats.answered}) over (partition by ${domainStats.exam})`),
      domainStats.exam,
    );
  const exams: Readiness[] = [];
  for (const exam of new Set([...rows, ...studyTallies].map((row) => row.exam))) {
    const track = tracks.get(exam);
    if (!track) continue;
    const of = (source: readonly (DomainTally & { exam: string })[]) =>
      source.filter((row) => row.exam === exam);
    const daily = of(rows);
    const practice = of(studyTallies.filter((row) => row.kind === "practice"));
    const mock = of(studyTallies.filter((row) => row.kind === "mock"));
    const readiness = estimateReadiness(
      track,
      blendTallies([
        { weight: answerWeights.daily, tallies: daily },
        { weight: answerWeights.practice, tallies: practice },
        { weight: answerWeights.mock, tallies: mock },
      ]),
    );
    // Shown counts are real answers; the accuracy and the projection use the weighted ones.
    const raw = blendTallies([{ weight: 1, tallies: [...daily, ...practice, ...mock] }]);
    const answered = raw.reduce((sum, tally) => sum + tally.answered, 0);
    exams.push({
      ...readiness,
      answered,
      correct: raw.reduce((sum, tally) => sum + tally.correct, 0),
      lowConfidence: answered < confidentAfter,
      domains: readiness.domains.map((domain) => {
        const counted = raw.find((tally) => tally.domain === domain.number);
        return { ...domain, answered: counted?.answered ?? 0, correct: counted?.correct ?? 0 };
      }),
    });
  }
  return {
    userId,
    points: totals?.points ?? 0,
    answered: totals?.answered ?? 0,
    correct: totals?.correct ?? 0,
    accuracy: !totals || totals.answered === 0 ? 0 : totals.correct / totals.answered,
    currentStreak: totals?.currentStreak ?? 0,
    bestStreak: totals?.bestStreak ?? 0,
    lastAnsweredOn: totals?.lastAnsweredOn ?? null,
    exams,
    study,
  };
}
