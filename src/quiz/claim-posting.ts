import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { postings, questionRevisions, questions } from "../db/schema.js";
import { nextQuestionFor } from "../questions/next-question.js";
import type { Question } from "../questions/question.js";
import type { Track } from "../questions/track.js";
import type { QuizChannel } from "./channels.js";
import type { Occurrence } from "./schedule.js";

export type Posting = typeof postings.$inferSelect;

/** How long a process may take to send a message before another process may try again. */
export const leaseMs = 2 * 60_000;

export type ClaimOutcome =
  | { kind: "claimed"; posting: Posting }
  | { kind: "taken" }
  | { kind: "no-questions" };

/**
 * Claims the channel's question for a local date by inserting the posting row before anything is sent:
 * the unique (quiz channel, local date) key means a restart, a retry or a second process never posts twice.
 */
export async function claimPosting(
  db: Db,
  channel: QuizChannel,
  occurrence: Occurrence,
  track: Track,
  random: () => number = Math.random,
): Promise<ClaimOutcome> {
  const questionId = await nextQuestionFor(db, channel.id, track, random);
  if (!questionId) return { kind: "no-questions" };
  const [current] = await db
    .select({ revision: questions.revision, body: questionRevisions.body })
    .from(questions)
    .innerJoin(
      questionRevisions,
      and(eq(questionRevisions.questionId, questions.id), eq(questionRevisions.revision, questions.revision)),
    )
    .where(eq(questions.id, questionId));
  if (!current) return { kind: "no-questions" };
  const [posting] = await db
    .insert(postings)
    .values({
      quizChannelId: channel.id,
      localDate: occurrence.localDate,
      sequence: sql`(select coalesce(max(${postings.sequence}), 0) + 1 from ${postings} where ${postings.quizChannelId} = ${channel.id})`,
      questionId,
      questionRevision: current.revision,
      answerSize: (current.body as Question).answer.length,
      closesAt: occurrence.closesAt,
    })
    .onConflictDoNothing({ target: [postings.quizChannelId, postings.localDate] })
    .returning();
  return posting ? { kind: "claimed", posting } : { kind: "taken" };
}

/** Takes the right to send a claimed posting's message; false while another process holds it. */
export async function leaseSending(db: Db, postingId: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(postings)
    .set({ sendingSince: now })
    .where(
      and(
        eq(postings.id, postingId),
        isNull(postings.messageId),
        isNull(postings.closedAt),
        or(isNull(postings.sendingSince), lt(postings.sendingSince, new Date(now.getTime() - leaseMs))),
      ),
    )
    .returning({ id: postings.id });
  return rows.length > 0;
}

export async function markSent(db: Db, postingId: number, messageId: string, now: Date): Promise<void> {
  await db
    .update(postings)
    .set({ messageId, openedAt: now, sendingSince: null })
    .where(eq(postings.id, postingId));
}

/** Claimed postings still waiting for their message (a failed or interrupted send). */
export async function unsentPostings(db: Db, quizChannelId: number): Promise<Posting[]> {
  return db
    .select()
    .from(postings)
    .where(
      and(eq(postings.quizChannelId, quizChannelId), isNull(postings.messageId), isNull(postings.closedAt)),
    );
}

export async function findPosting(db: Db, postingId: number): Promise<Posting | undefined> {
  const [posting] = await db.select().from(postings).where(eq(postings.id, postingId));
  return posting;
}

export async function hasPostingOn(db: Db, quizChannelId: number, localDate: string): Promise<boolean> {
  const rows = await db
    .select({ id: postings.id })
    .from(postings)
    .where(and(eq(postings.quizChannelId, quizChannelId), eq(postings.localDate, localDate)));
  return rows.length > 0;
}
