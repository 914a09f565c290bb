import { and, eq, ilike } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { questionRevisions, questions } from "../db/schema.js";
import type { Question } from "./question.js";

export interface StoredQuestion {
  question: Question;
  revision: number;
  active: boolean;
}

/** A question as stored: the current revision, or the one a posting was made with. */
export async function findQuestion(
  db: Db,
  id: string,
  revision?: number,
): Promise<StoredQuestion | undefined> {
  const [row] = await db
    .select({ body: questionRevisions.body, revision: questionRevisions.revision, active: questions.active })
    .from(questions)
    .innerJoin(
      questionRevisions,
      and(
        eq(questionRevisions.questionId, questions.id),
        eq(questionRevisions.revision, revision ?? questions.revision),
      ),
    )
    .where(eq(questions.id, id));
  return row ? { question: row.body as Question, revision: row.revision, active: row.active } : undefined;
}

/** Question ids starting with (or containing) what a member typed, for autocomplete. */
export async function searchQuestionIds(db: Db, typed: string, limit = 25): Promise<string[]> {
  const rows = await db
    .select({ id: questions.id })
    .from(questions)
    .where(and(eq(questions.active, true), ilike(questions.id, `%${typed.replace(/[%_\\]/g, "")}%`)))
    .orderBy(questions.id)
    .limit(limit);
  return rows.map((row) => row.id);
}
