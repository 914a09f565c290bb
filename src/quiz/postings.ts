import { and, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { postings, questionRevisions, questions, quizChannels } from "../db/schema.js";
import { nextQuestionFor } from "../questions/next-question.js";
import type { Question } from "../questions/question.js";
import type { Track } from "../questions/track.js";
import { onOwnShards, type ShardScope } from "../shards.js";
import type { QuizChannel } from "./channels.js";
import type { Occurrence } from "./schedule.js";

/*
 * Every query on the postings table: one question posted in one quiz channel on one local date. The claims
 * that make the bot post, send and reveal exactly once (a row, a lease, a timestamp) all live here.
 */

export type Posting = typeof postings.$inferSelect;

/** How long a process may take to send a message before another process may try again. */
const leaseMs = 2 * 60_000;

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

/** Whether the channel has a question for `localDate` or a later day (YYYY-MM-DD). */
export async function hasPostingOnOrAfter(
  db: Db,
  quizChannelId: number,
  localDate: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: postings.id })
    .from(postings)
    .where(and(eq(postings.quizChannelId, quizChannelId), gte(postings.localDate, localDate)))
    .limit(1);
  return rows.length > 0;
}

/** The channel's posting for a local date. */
export async function postingOn(
  db: Db,
  quizChannelId: number,
  localDate: string,
): Promise<Posting | undefined> {
  const [posting] = await db
    .select()
    .from(postings)
    .where(and(eq(postings.quizChannelId, quizChannelId), eq(postings.localDate, localDate)));
  return posting;
}

/** Open postings whose question message is known (on this process's shards): reconciled with Discord after a restart. */
export async function openPostings(db: Db, shards?: ShardScope): Promise<Posting[]> {
  const rows = await db
    .select({ posting: postings })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(
      and(
        isNull(postings.closedAt),
        isNotNull(postings.messageId),
        onOwnShards(quizChannels.guildId, shards),
      ),
    );
  return rows.map((row) => row.posting);
}

/** The channel's open question, for /quiz status. */
export async function openPostingOf(db: Db, quizChannelId: number): Promise<Posting | undefined> {
  const [posting] = await db
    .select()
    .from(postings)
    .where(and(eq(postings.quizChannelId, quizChannelId), isNull(postings.closedAt)))
    .orderBy(desc(postings.localDate))
    .limit(1);
  return posting;
}

/** Local dates (YYYY-MM-DD) from `fromDate` on that already have a question in the channel. */
export async function postedDatesFrom(db: Db, quizChannelId: number, fromDate: string): Promise<Set<string>> {
  const rows = await db
    .select({ localDate: postings.localDate })
    .from(postings)
    .where(and(eq(postings.quizChannelId, quizChannelId), gte(postings.localDate, fromDate)));
  return new Set(rows.map((row) => row.localDate));
}

/** Open postings (on this process's shards) whose answer window has ended. */
export async function expiredPostings(db: Db, now: Date, shards?: ShardScope) {
  return db
    .select({ id: postings.id })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(
      and(isNull(postings.closedAt), lte(postings.closesAt, now), onOwnShards(quizChannels.guildId, shards)),
    );
}

/** The open postings of one channel, optionally only those of days before `beforeDate` (YYYY-MM-DD). */
export async function openPostingsOf(db: Db, quizChannelId: number, beforeDate?: string) {
  return db
    .select({ id: postings.id })
    .from(postings)
    .where(
      and(
        eq(postings.quizChannelId, quizChannelId),
        isNull(postings.closedAt),
        beforeDate ? lt(postings.localDate, beforeDate) : undefined,
      ),
    );
}

/** Closed postings (on this process's shards) whose reveal has not been sent yet (a crash or a Discord error in between). */
export async function unrevealedPostings(db: Db, shards?: ShardScope) {
  return db
    .select({ id: postings.id })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(
      and(
        isNotNull(postings.closedAt),
        isNull(postings.revealedAt),
        isNotNull(postings.messageId),
        onOwnShards(quizChannels.guildId, shards),
      ),
    );
}

/** Takes the right to send a reveal; false while another process holds it or it was sent. */
export async function leaseReveal(db: Db, postingId: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(postings)
    .set({ revealingSince: now })
    .where(
      and(
        eq(postings.id, postingId),
        isNotNull(postings.closedAt),
        isNull(postings.revealedAt),
        or(isNull(postings.revealingSince), lt(postings.revealingSince, new Date(now.getTime() - leaseMs))),
      ),
    )
    .returning({ id: postings.id });
  return rows.length > 0;
}

export async function markRevealed(
  db: Db,
  postingId: number,
  revealMessageId: string,
  now: Date,
): Promise<void> {
  await db
    .update(postings)
    .set({ revealedAt: now, revealMessageId, revealingSince: null })
    .where(eq(postings.id, postingId));
}

/** The question most recently posted in a channel, e.g. for "/question report" without an id. */
export async function latestPostedQuestion(db: Db, channelId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ questionId: postings.questionId })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(eq(quizChannels.channelId, channelId))
    .orderBy(desc(postings.claimedAt))
    .limit(1);
  return row?.questionId;
}
