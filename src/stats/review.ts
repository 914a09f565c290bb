import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows } from "../db/rows.js";
import type { Letter, Question } from "../questions/question.js";

export const reviewLimit = 10;

export interface MissedQuestion {
  postingId: number;
  localDate: string;
  question: Question;
  /** What the member answered, e.g. "B" or "AC". */
  choices: Letter[];
}

/**
 * A member's most recent wrong answers in one server (newest first), with the question exactly as it was
 * posted (its revision), so the reveal's right answer and explanations can be shown again.
 * Questions left unanswered (every reaction removed) are not counted as missed.
 */
export async function missedQuestions(
  db: Db,
  guildId: string,
  userId: string,
  count: number,
): Promise<MissedQuestion[]> {
  const limit = Math.max(1, Math.min(reviewLimit, Math.floor(count)));
  const rows = await queryRows<{ posting_id: number; local_date: string; choices: string; body: unknown }>(
    db,
    sql`select p.id as posting_id, p.local_date::text as local_date, a.choices, r.body
      from answers a
        join postings p on p.id = a.posting_id
        join quiz_channels q on q.id = p.quiz_channel_id
        join question_revisions r on r.question_id = p.question_id and r.revision = p.question_revision
      where a.user_id = ${userId} and q.guild_id = ${guildId}
        and a.correct = false and a.choices <> '' and p.closed_at is not null
      order by p.closed_at desc, p.id desc
      limit ${limit}`,
  );
  return rows.map((row) => ({
    postingId: Number(row.posting_id),
    localDate: row.local_date,
    question: (typeof row.body === "string" ? JSON.parse(row.body) : row.body) as Question,
    choices: [...row.choices] as Letter[],
  }));
}
