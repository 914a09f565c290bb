import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows } from "../db/rows.js";
import type { DomainTally } from "../stats/readiness.js";
import type { Review } from "./spaced-repetition.js";

export interface MemberHistory {
  reviews: Review[];
  /** The same answers per exam domain. */
  tallies: DomainTally[];
}

/**
 * Every scored answer a member gave to one exam's questions in one server: daily answers (closed
 * postings) and practice and mock answers. One query, read through answers_user_idx and
 * study_sessions_member_idx.
 */
export async function memberHistory(
  db: Db,
  guildId: string,
  userId: string,
  exam: string,
): Promise<MemberHistory> {
  const rows = await queryRows<{ question_id: string; domain: unknown; at: unknown; correct: boolean }>(
    db,
    sql`select p.question_id, q.domain, a.last_answered_at as at, a.correct
        from answers a
          join postings p on p.id = a.posting_id
          join quiz_channels c on c.id = p.quiz_channel_id
          join questions q on q.id = p.question_id
        where a.user_id = ${userId} and c.guild_id = ${guildId} and q.exam = ${exam}
          and a.correct is not null and a.choices <> ''
      union all
      select i.question_id, i.domain, i.answered_at as at, i.correct
        from study_items i join study_sessions s on s.id = i.session_id
        where s.guild_id = ${guildId} and s.user_id = ${userId} and s.exam = ${exam}
          and i.answered_at is not null and i.correct is not null`,
  );
  const reviews = rows.map((row) => ({
    questionId: row.question_id,
    at: new Date(row.at as string),
    correct: row.correct,
  }));
  const perDomain = new Map<number, DomainTally>();
  for (const row of rows) {
    const domain = Number(row.domain);
    const tally = perDomain.get(domain) ?? { domain, answered: 0, correct: 0 };
    tally.answered += 1;
    tally.correct += row.correct ? 1 : 0;
    perDomain.set(domain, tally);
  }
  return { reviews, tallies: [...perDomain.values()] };
}

/** Questions open as a daily question in the server right now: never offered in practice or a mock. */
export function openDailyQuestionIds(guildId: string) {
  return sql`(select p.question_id from postings p join quiz_channels c on c.id = p.quiz_channel_id
    where c.guild_id = ${guildId} and p.closed_at is null)`;
}
