import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { domainStats, memberStats } from "../db/schema.js";
import type { Track } from "../questions/track.js";
import { estimateReadiness, type Readiness } from "./readiness.js";

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
}

/** A member's totals in one server, per-domain accuracy and readiness per exam: two primary-key reads. */
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
  if (!totals) return undefined;
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
  for (const exam of new Set(rows.map((row) => row.exam))) {
    const track = tracks.get(exam);
    if (!track) continue;
    exams.push(
      estimateReadiness(
        track,
        rows.filter((row) => row.exam === exam),
      ),
    );
  }
  return {
    userId,
    points: totals.points,
    answered: totals.answered,
    correct: totals.correct,
    accuracy: totals.answered === 0 ? 0 : totals.correct / totals.answered,
    currentStreak: totals.currentStreak,
    bestStreak: totals.bestStreak,
    lastAnsweredOn: totals.lastAnsweredOn,
    exams,
  };
}
