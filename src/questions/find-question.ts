import { and, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { postings, questionRevisions, questions, quizChannels } from "../db/schema.js";
import type { Question } from "./question.js";

export interface StoredQuestion {
  question: Question;
  /** The public number members see (publicName). */
  number: number;
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
    .select({
      body: questionRevisions.body,
      revision: questionRevisions.revision,
      active: questions.active,
      number: questions.number,
    })
    .from(questions)
    .innerJoin(
      questionRevisions,
      and(
        eq(questionRevisions.questionId, questions.id),
        eq(questionRevisions.revision, revision ?? questions.revision),
      ),
    )
    .where(eq(questions.id, id));
  return row
    ? { question: row.body as Question, number: row.number, revision: row.revision, active: row.active }
    : undefined;
}

export interface QuestionChoice {
  id: string;
  exam: string;
  number: number;
  stem: string;
}

/**
 * Questions matching what a member typed (a number, "AIP-C01 #42", or words of the stem), for
 * autocomplete. `revealedIn` limits them to questions already revealed in that server, so a member cannot
 * browse the bank (or an open question's wording) through it; admins search everything, ids included.
 */
export async function searchQuestions(
  db: Db,
  typed: string,
  { revealedIn, limit = 25 }: { revealedIn?: string; limit?: number } = {},
): Promise<QuestionChoice[]> {
  const text = typed.trim();
  const wanted = parsePublicName(text);
  const words = text.replace(/[%_\\]/g, "");
  const stem = sql<string>`${questionRevisions.body}->>'stem'`;
  const matches = wanted
    ? and(eq(questions.number, wanted.number), wanted.exam ? eq(questions.exam, wanted.exam) : undefined)
    : words === ""
      ? undefined
      : or(ilike(stem, `%${words}%`), revealedIn ? undefined : ilike(questions.id, `%${words}%`));
  const revealed = revealedIn
    ? sql`exists (select 1 from ${postings} p join ${quizChannels} q on q.id = p.quiz_channel_id
        where p.question_id = ${questions.id} and q.guild_id = ${revealedIn} and p.revealed_at is not null)`
    : undefined;
  const rows = await db
    .select({ id: questions.id, exam: questions.exam, number: questions.number, stem })
    .from(questions)
    .innerJoin(
      questionRevisions,
      and(eq(questionRevisions.questionId, questions.id), eq(questionRevisions.revision, questions.revision)),
    )
    .where(and(eq(questions.active, true), matches, revealed))
    .orderBy(questions.exam, questions.number)
    .limit(limit);
  return rows;
}

/** A question named by its public name ("AIP-C01 #042", "AIP-C01 42", "#42", "42") or, for admins, its id. */
export async function findByName(
  db: Db,
  name: string,
  { allowIds = false } = {},
): Promise<(StoredQuestion & { id: string }) | undefined> {
  const wanted = parsePublicName(name.trim());
  const where = wanted
    ? and(eq(questions.number, wanted.number), wanted.exam ? eq(questions.exam, wanted.exam) : undefined)
    : allowIds
      ? eq(questions.id, name.trim())
      : undefined;
  if (!where) return undefined;
  const found = await db.select({ id: questions.id }).from(questions).where(where).limit(2);
  // "#42" alone names one question only when a single exam has that number.
  if (found.length !== 1 || !found[0]) return undefined;
  const stored = await findQuestion(db, found[0].id);
  return stored && { ...stored, id: found[0].id };
}

function parsePublicName(text: string): { exam?: string; number: number } | undefined {
  const match = /^(?:([A-Za-z]{2,5}-[A-Za-z]\d{2})\s*)?#?\s*(\d{1,5})$/.exec(text.trim());
  if (!match) return undefined;
  return { ...(match[1] ? { exam: match[1].toUpperCase() } : {}), number: Number(match[2]) };
}

/** How members name a question: its exam and public number, e.g. "AIP-C01 #042". Never the file id. */
export function publicName(exam: string, number: number): string {
  return `${exam} #${String(number).padStart(3, "0")}`;
}
