import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { answers, postings, quizChannels } from "../db/schema.js";
import type { Letter } from "../questions/question.js";
import {
  type AnswerRules,
  type AnswerState,
  type Applied,
  applyReaction,
  noAnswer,
  settleToReactions,
} from "./answer-rules.js";

/** One reaction change on a message, as the gateway delivered it. */
export interface ReactionEvent {
  messageId: string;
  userId: string;
  letter: Letter;
  change: "add" | "remove";
  at: Date;
}

/** A member's reaction the bot should remove, and where. */
export interface TidyRequest {
  channelId: string;
  messageId: string;
  userId: string;
  letter: Letter;
}

export interface RecordedAnswers {
  /** Answers whose stored state changed. */
  changed: number;
  /** Events on open questions whose answer window had ended, or on closed ones: not recorded. */
  late: number;
  tidy: TidyRequest[];
  /** Hidden-answer postings that took an answer: their live "N answers so far" needs an update. */
  hiddenChanged: Array<{ postingId: number; channelId: string; messageId: string }>;
}

interface PostingRules extends AnswerRules {
  postingId: number;
  messageId: string;
  channelId: string;
  closesAt: Date;
  closed: boolean;
}

/**
 * Records a batch of reaction changes in one transaction: the postings are locked (so a close waits for
 * the batch, or the batch sees the close), every member's stored answer is read once, the changes are
 * applied in the order they came, and the results are written with one statement. A few statements per
 * batch, whatever its size; events on messages that are not questions cost nothing but the lookup.
 */
export async function recordReactions(db: Db, events: readonly ReactionEvent[]): Promise<RecordedAnswers> {
  const result: RecordedAnswers = { changed: 0, late: 0, tidy: [], hiddenChanged: [] };
  if (events.length === 0) return result;
  const messageIds = [...new Set(events.map((event) => event.messageId))];
  const known = await postingsByMessage(db, messageIds);
  const relevant = events.filter((event) => known.has(event.messageId));
  if (relevant.length === 0) return result;

  await db.transaction(async (tx) => {
    const rules = await lockPostings(tx, [
      ...new Set(relevant.map((e) => known.get(e.messageId)?.postingId ?? 0)),
    ]);
    const stored = await storedAnswers(
      tx,
      [...rules.keys()],
      [...new Set(relevant.map((event) => event.userId))],
    );
    const touched = new Map<
      string,
      { postingId: number; userId: string; state: AnswerState; first: Date; last: Date }
    >();
    for (const event of relevant) {
      const posting = rules.get(known.get(event.messageId)?.postingId ?? 0);
      if (!posting) continue;
      if (posting.closed || event.at >= posting.closesAt) {
        result.late += 1;
        continue;
      }
      const key = answerKey(posting.postingId, event.userId);
      const entry = touched.get(key) ?? {
        postingId: posting.postingId,
        userId: event.userId,
        state: stateOf(stored.get(key)),
        first: event.at,
        last: event.at,
      };
      const applied = applyReaction(entry.state, { letter: event.letter, kind: event.change }, posting);
      entry.state = applied.state;
      entry.last = event.at;
      touched.set(key, entry);
      result.tidy.push(...tidyOf(posting, event.userId, applied));
    }
    const rows = [...touched.values()].filter(
      (entry) => !sameState(entry.state, stored.get(answerKey(entry.postingId, entry.userId))),
    );
    await writeAnswers(
      tx,
      rows.map((row) => ({ ...row, firstAnsweredAt: row.first, lastAnsweredAt: row.last })),
    );
    result.changed = rows.length;
    const hidden = new Set(rows.map((row) => row.postingId));
    for (const posting of rules.values())
      if (posting.hidden && hidden.has(posting.postingId))
        result.hiddenChanged.push({
          postingId: posting.postingId,
          channelId: posting.channelId,
          messageId: posting.messageId,
        });
  });
  return result;
}

/** Who holds each answer reaction on a question message, as Discord reports it (bot excluded). */
export type ReactionHolders = ReadonlyMap<Letter, readonly string[]>;

/**
 * Makes a posting's answers agree with the reactions Discord shows (see settleToReactions): at start,
 * after a reconnect, for messages whose reactions failed to record, and just before the question closes.
 * Reading the same reactions twice changes nothing the second time.
 */
export async function settleAnswers(
  db: Db,
  postingId: number,
  holders: ReactionHolders,
  now: Date,
): Promise<{ changed: number; tidy: TidyRequest[] }> {
  return db.transaction(async (tx) => {
    const posting = (await lockPostings(tx, [postingId])).get(postingId);
    if (!posting || posting.closed) return { changed: 0, tidy: [] };
    const visible = new Map<string, Letter[]>();
    for (const [letter, users] of holders)
      for (const user of users) visible.set(user, [...(visible.get(user) ?? []), letter]);
    const stored = await storedAnswers(tx, [postingId]);
    const tidy: TidyRequest[] = [];
    const rows = [];
    for (const userId of new Set([
      ...visible.keys(),
      ...[...stored.values()].map((answer) => answer.userId),
    ])) {
      const before = stored.get(answerKey(postingId, userId));
      const applied = settleToReactions(stateOf(before), visible.get(userId) ?? [], posting);
      tidy.push(...tidyOf(posting, userId, applied));
      if (!sameState(applied.state, before))
        rows.push({ postingId, userId, state: applied.state, firstAnsweredAt: now, lastAnsweredAt: now });
    }
    await writeAnswers(tx, rows);
    return { changed: rows.length, tidy };
  });
}

/** The letters `userId` has recorded for a posting, for "My answer"; undefined when they never answered. */
export async function answerOf(db: Db, postingId: number, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ choices: answers.choices })
    .from(answers)
    .where(and(eq(answers.postingId, postingId), eq(answers.userId, userId)));
  return row?.choices;
}

/** How many questions still open in a server hold an answer from the member (not yet scored). */
export async function openAnswerCount(db: Db, guildId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(answers)
    .innerJoin(postings, eq(postings.id, answers.postingId))
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(
      and(
        eq(answers.userId, userId),
        eq(quizChannels.guildId, guildId),
        isNull(postings.closedAt),
        sql`${answers.choices} <> ''`,
      ),
    );
  return row?.count ?? 0;
}

/** Members with an answer so far (shown live on questions with hidden answers). */
export async function answerCount(db: Db, postingId: number): Promise<number> {
  return db.$count(answers, and(eq(answers.postingId, postingId), sql`${answers.choices} <> ''`));
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function postingsByMessage(db: Db, messageIds: string[]) {
  const rows = await db
    .select({ postingId: postings.id, messageId: postings.messageId })
    .from(postings)
    .where(inArray(postings.messageId, messageIds));
  return new Map(rows.map((row) => [row.messageId ?? "", row]));
}

/** Locks the postings' rows until the transaction ends and reads how each takes answers. */
async function lockPostings(tx: Tx, postingIds: number[]): Promise<Map<number, PostingRules>> {
  const rows = await tx
    .select({
      postingId: postings.id,
      messageId: postings.messageId,
      closesAt: postings.closesAt,
      closedAt: postings.closedAt,
      required: postings.answerSize,
      channelId: quizChannels.channelId,
      policy: quizChannels.answerPolicy,
      hidden: quizChannels.hiddenAnswers,
    })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(inArray(postings.id, postingIds))
    .orderBy(asc(postings.id))
    .for("update", { of: postings });
  return new Map(
    rows.map(({ closedAt, messageId, ...row }) => [
      row.postingId,
      { ...row, messageId: messageId ?? "", closed: closedAt !== null },
    ]),
  );
}

async function storedAnswers(tx: Tx, postingIds: number[], userIds?: string[]) {
  const rows = await tx
    .select({
      postingId: answers.postingId,
      userId: answers.userId,
      choices: answers.choices,
      held: answers.held,
      locked: answers.locked,
    })
    .from(answers)
    .where(
      and(inArray(answers.postingId, postingIds), userIds ? inArray(answers.userId, userIds) : undefined),
    );
  return new Map(rows.map((row) => [answerKey(row.postingId, row.userId), row]));
}

function stateOf(stored: AnswerState | undefined): AnswerState {
  return stored ? { choices: stored.choices, held: stored.held, locked: stored.locked } : noAnswer;
}

/** One member's answer to one posting, as a map key. */
function answerKey(postingId: number, userId: string): string {
  return `${postingId}:${userId}`;
}

async function writeAnswers(
  tx: Tx,
  rows: Array<{
    postingId: number;
    userId: string;
    state: AnswerState;
    firstAnsweredAt: Date;
    lastAnsweredAt: Date;
  }>,
) {
  if (rows.length === 0) return;
  await tx
    .insert(answers)
    .values(
      rows.map(({ postingId, userId, state, firstAnsweredAt, lastAnsweredAt }) => ({
        postingId,
        userId,
        ...state,
        firstAnsweredAt,
        lastAnsweredAt,
      })),
    )
    .onConflictDoUpdate({
      target: [answers.postingId, answers.userId],
      set: {
        choices: sql`excluded.choices`,
        held: sql`excluded.held`,
        locked: sql`excluded.locked`,
        lastAnsweredAt: sql`excluded.last_answered_at`,
      },
    });
}

function tidyOf(posting: PostingRules, userId: string, applied: Applied): TidyRequest[] {
  return applied.tidy.map((letter) => ({
    channelId: posting.channelId,
    messageId: posting.messageId,
    userId,
    letter,
  }));
}

function sameState(a: AnswerState, b: AnswerState | undefined): boolean {
  const other = b ?? noAnswer;
  return a.choices === other.choices && a.held === other.held && a.locked === other.locked;
}
