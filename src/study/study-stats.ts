import { and, type Column, count, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { studyItems, studySessions } from "../db/schema.js";
import type { DomainTally } from "../stats/readiness.js";

export interface StudyFigures {
  practice: { sessions: number; answered: number; correct: number };
  mocks: {
    taken: number;
    /** The latest finished mock's projection, and the best one. */
    last: { score: number; margin: number } | undefined;
    best: number | undefined;
  };
  /** Answers per exam and domain: practice answers, and the items of finished mocks. */
  tallies: Array<{ kind: "practice" | "mock"; exam: string } & DomainTally>;
}

/** A member's practice and mock figures in one server: two queries on study_sessions_member_idx. */
export async function studyFigures(db: Db, guildId: string, userId: string): Promise<StudyFigures> {
  const finishedMock = sql`${studySessions.kind} = 'mock' and ${studySessions.status} = 'finished'`;
  const rows = await db
    .select({
      kind: studySessions.kind,
      exam: studySessions.exam,
      domain: studyItems.domain,
      answered: count(),
      correct: sql`count(*) filter (where ${studyItems.correct})`.mapWith(Number),
    })
    .from(studySessions)
    .innerJoin(studyItems, eq(studyItems.sessionId, studySessions.id))
    .where(
      and(
        eq(studySessions.guildId, guildId),
        eq(studySessions.userId, userId),
        isNotNull(studyItems.answeredAt),
        sql`(${studySessions.kind} = 'practice' or ${studySessions.status} = 'finished')`,
      ),
    )
    .groupBy(studySessions.kind, studySessions.exam, studyItems.domain);
  const lastMock = (column: Column) =>
    sql`(array_agg(${column} order by ${studySessions.finishedAt} desc) filter (where ${finishedMock} and ${studySessions.projectedScore} is not null))[1]`.mapWith(
      Number,
    );
  const [sessions] = await db
    .select({
      practiceSessions: sql`count(*) filter (where ${studySessions.kind} = 'practice')`.mapWith(Number),
      mocks: sql`count(*) filter (where ${finishedMock})`.mapWith(Number),
      best: sql`max(${studySessions.projectedScore}) filter (where ${finishedMock})`.mapWith(Number),
      lastScore: lastMock(studySessions.projectedScore),
      lastMargin: lastMock(studySessions.projectedMargin),
    })
    .from(studySessions)
    .where(and(eq(studySessions.guildId, guildId), eq(studySessions.userId, userId)));
  const practice = rows.filter((row) => row.kind === "practice");
  return {
    practice: {
      sessions: sessions?.practiceSessions ?? 0,
      answered: practice.reduce((sum, row) => sum + row.answered, 0),
      correct: practice.reduce((sum, row) => sum + row.correct, 0),
    },
    mocks: {
      taken: sessions?.mocks ?? 0,
      last:
        sessions?.lastScore === null || sessions?.lastScore === undefined
          ? undefined
          : { score: sessions.lastScore, margin: sessions.lastMargin ?? 0 },
      best: sessions?.best ?? undefined,
    },
    tallies: rows,
  };
}
