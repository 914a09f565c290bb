import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows } from "../db/rows.js";
import { questionRevisions, questions, studyItems } from "../db/schema.js";
import { openDailyQuestionIds } from "./history.js";

export interface StudyCandidate {
  id: string;
  domain: number;
  /** Already in this session. */
  served: boolean;
}

/**
 * The active questions of an exam (one domain, or all) that may be asked in a session: never a question
 * open as today's daily question in the server, so practice cannot leak its answer. Reads the questions
 * table only (no question bodies).
 */
export async function studyCandidates(
  db: Db,
  options: { guildId: string; exam: string; domain: number | null; sessionId: number | null },
): Promise<StudyCandidate[]> {
  const rows = await queryRows<{ id: string; domain: unknown; served: boolean }>(
    db,
    sql`select ${questions.id} as id, ${questions.domain} as domain,
        exists (select 1 from ${studyItems}
          where ${studyItems.sessionId} = ${options.sessionId ?? 0} and ${studyItems.questionId} = ${questions.id}) as served
      from ${questions}
      where ${questions.exam} = ${options.exam} and ${questions.active}
        and (${options.domain}::smallint is null or ${questions.domain} = ${options.domain}::smallint)
        and ${questions.id} not in ${openDailyQuestionIds(options.guildId)}
      order by ${questions.id}`,
  );
  return rows.map((row) => ({ id: row.id, domain: Number(row.domain), served: Boolean(row.served) }));
}

export interface NewItem {
  questionId: string;
  /** Why practice chose it; null for a mock. */
  reason: string | null;
}

/**
 * Adds questions to a session from `position` on, in one statement: each with the current revision and
 * its answer size (1, or the question's "choose N") read from that revision.
 */
export async function addSessionItems(
  db: Db,
  sessionId: number,
  position: number,
  items: readonly NewItem[],
) {
  if (items.length === 0) return;
  const rows = sql.join(
    items.map((item, index) => sql`(${item.questionId}, ${position + index}::int, ${item.reason}::text)`),
    sql`, `,
  );
  await db.execute(sql`
    insert into ${studyItems} (session_id, position, question_id, question_revision, domain, answer_size, reason)
    select ${sessionId}::int, n.position, q.id, q.revision, q.domain, coalesce((r.body ->> 'choose')::smallint, 1), n.reason
    from (values ${rows}) as n(question_id, position, reason)
      join ${questions} q on q.id = n.question_id
      join ${questionRevisions} r on r.question_id = q.id and r.revision = q.revision`);
}
