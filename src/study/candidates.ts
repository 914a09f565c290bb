import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows } from "../db/rows.js";
import { openDailyQuestionIds } from "./history.js";

export interface StudyCandidate {
  id: string;
  domain: number;
  revision: number;
  answerSize: number;
  /** Already in this session. */
  served: boolean;
}

/**
 * The active questions of an exam (one domain, or all) that may be asked in a session: never a question
 * open as today's daily question in the server, so practice cannot leak its answer.
 */
export async function studyCandidates(
  db: Db,
  options: { guildId: string; exam: string; domain: number | null; sessionId: number | null },
): Promise<StudyCandidate[]> {
  const rows = await queryRows<{
    id: string;
    domain: unknown;
    revision: unknown;
    answer_size: unknown;
    served: boolean;
  }>(
    db,
    sql`select q.id, q.domain, q.revision,
        coalesce((r.body -> 'choose')::int, 1) as answer_size,
        exists (select 1 from study_items i where i.session_id = ${options.sessionId ?? 0} and i.question_id = q.id) as served
      from questions q
        join question_revisions r on r.question_id = q.id and r.revision = q.revision
      where q.exam = ${options.exam} and q.active
        and (${options.domain}::smallint is null or q.domain = ${options.domain}::smallint)
        and q.id not in ${openDailyQuestionIds(options.guildId)}
      order by q.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    domain: Number(row.domain),
    revision: Number(row.revision),
    answerSize: Number(row.answer_size),
    served: Boolean(row.served),
  }));
}
