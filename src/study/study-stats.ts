import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows, toNumber } from "../db/rows.js";
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
  const tallies = await queryRows<{
    kind: "practice" | "mock";
    exam: string;
    domain: unknown;
    answered: unknown;
    correct: unknown;
  }>(
    db,
    sql`select s.kind, s.exam, i.domain, count(*) as answered, count(*) filter (where i.correct) as correct
      from study_sessions s join study_items i on i.session_id = s.id
      where s.guild_id = ${guildId} and s.user_id = ${userId} and i.answered_at is not null
        and (s.kind = 'practice' or s.status = 'finished')
      group by s.kind, s.exam, i.domain`,
  );
  const [sessions] = await queryRows<Record<string, unknown>>(
    db,
    sql`select count(*) filter (where kind = 'practice') as practice_sessions,
        count(*) filter (where kind = 'mock' and status = 'finished') as mocks,
        max(projected_score) filter (where kind = 'mock' and status = 'finished') as best,
        (array_agg(projected_score order by finished_at desc) filter (where kind = 'mock' and status = 'finished' and projected_score is not null))[1] as last_score,
        (array_agg(projected_margin order by finished_at desc) filter (where kind = 'mock' and status = 'finished' and projected_score is not null))[1] as last_margin
      from study_sessions where guild_id = ${guildId} and user_id = ${userId}`,
  );
  const rows = tallies.map((row) => ({
    kind: row.kind,
    exam: row.exam,
    domain: toNumber(row.domain),
    answered: toNumber(row.answered),
    correct: toNumber(row.correct),
  }));
  const practice = rows.filter((row) => row.kind === "practice");
  return {
    practice: {
      sessions: toNumber(sessions?.practice_sessions),
      answered: practice.reduce((sum, row) => sum + row.answered, 0),
      correct: practice.reduce((sum, row) => sum + row.correct, 0),
    },
    mocks: {
      taken: toNumber(sessions?.mocks),
      last:
        sessions?.last_score === null || sessions?.last_score === undefined
          ? undefined
          : { score: toNumber(sessions.last_score), margin: toNumber(sessions.last_margin) },
      best: sessions?.best === null || sessions?.best === undefined ? undefined : toNumber(sessions.best),
    },
    tallies: rows,
  };
}
