import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { questionRevisions, studyItems, studySessions } from "../db/schema.js";
import type { Letter, Question } from "../questions/question.js";

/** Every query on study_sessions and study_items that practice and mocks share. */

const counted = alias(studyItems, "counted");

/** For a select from study_sessions: how many of the session's items were answered, or answered correctly. */
export function sessionItemCount(which: "answered" | "correct"): SQL.Aliased<number> {
  const condition = which === "answered" ? sql`${counted.answeredAt} is not null` : sql`${counted.correct}`;
  return sql`(select count(*) from ${studyItems} ${counted} where ${counted.sessionId} = ${studySessions.id} and ${condition})`
    .mapWith(Number)
    .as(which);
}

export type StudySession = typeof studySessions.$inferSelect;
export type StudyItem = typeof studyItems.$inferSelect;
export type StudyKind = StudySession["kind"];

/** Who clicked, where: a click is checked against the session's owner and server. */
export interface Clicker {
  guildId: string;
  userId: string;
}

/** A session only if it belongs to this member in this server and is of this kind. */
export async function ownedSession(
  db: Db,
  sessionId: number,
  clicker: Clicker,
  kind: StudyKind,
): Promise<StudySession | undefined> {
  if (!Number.isSafeInteger(sessionId)) return undefined;
  const [session] = await db.select().from(studySessions).where(eq(studySessions.id, sessionId));
  if (!session || session.userId !== clicker.userId || session.guildId !== clicker.guildId) return undefined;
  return session.kind === kind ? session : undefined;
}

export async function activeSession(db: Db, clicker: Clicker, kind: StudyKind) {
  const [session] = await db
    .select()
    .from(studySessions)
    .where(
      and(
        eq(studySessions.guildId, clicker.guildId),
        eq(studySessions.userId, clicker.userId),
        eq(studySessions.kind, kind),
        eq(studySessions.status, "active"),
      ),
    );
  return session;
}

export interface ItemWithQuestion extends StudyItem {
  question: Question;
}

/** One item with the revision of its question that was shown. */
export async function itemAt(
  db: Db,
  sessionId: number,
  position: number,
): Promise<ItemWithQuestion | undefined> {
  const [row] = await itemsWithQuestions(db, sessionId, position);
  return row;
}

/** Joins an item to the revision of its question that was shown. */
export const shownRevision = and(
  eq(questionRevisions.questionId, studyItems.questionId),
  eq(questionRevisions.revision, studyItems.questionRevision),
);

/** The items of a session in order, without their questions (cheap: no question bodies). */
export async function sessionItems(db: Db, sessionId: number): Promise<StudyItem[]> {
  return db
    .select()
    .from(studyItems)
    .where(eq(studyItems.sessionId, sessionId))
    .orderBy(asc(studyItems.position));
}

/** The items of a session in order (or the one at `position`), each with its question. */
export async function itemsWithQuestions(
  db: Db,
  sessionId: number,
  position?: number,
): Promise<ItemWithQuestion[]> {
  const rows = await db
    .select({ item: studyItems, body: questionRevisions.body })
    .from(studyItems)
    .innerJoin(questionRevisions, shownRevision)
    .where(
      and(
        eq(studyItems.sessionId, sessionId),
        position === undefined ? undefined : eq(studyItems.position, position),
      ),
    )
    .orderBy(asc(studyItems.position));
  return rows.map((row) => ({ ...row.item, question: row.body as Question }));
}

export const lettersOf = (choices: string) => [...choices] as Letter[];
export const sortedChoices = (letters: Iterable<Letter>) => [...new Set(letters)].sort().join("");
export const isExactKey = (choices: string, question: Question) => choices === sortedChoices(question.answer);

/** Seconds between two instants, never negative. */
export const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** Adds the time a question was on screen to its item. */
export async function addTimeOnItem(db: Db, sessionId: number, position: number, seconds: number) {
  await db
    .update(studyItems)
    .set({ secondsSpent: sql`${studyItems.secondsSpent} + ${seconds}` })
    .where(and(eq(studyItems.sessionId, sessionId), eq(studyItems.position, position)));
}
