import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { excluded, inJsonList, queryRows } from "../db/rows.js";
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
  closesAtMs: number;
  closed: boolean;
}

/**
 * Records a batch of reaction changes in one transaction: the question messages' postings are locked
 * (so a close waits for the batch, or the batch sees the close), every member's stored answer is read
 * once, the changes are applied in the order they came, and the results are written with one statement.
 * Three statements per batch, whatever its size, each with a fixed text and the batch as one JSON
 * parameter (the ingest's hot path builds no query per row); events on messages that are not questions
 * cost nothing but the lookup.
 */
export async function recordReactions(db: Db, events: readonly ReactionEvent[]): Promise<RecordedAnswers> {
  const result: RecordedAnswers = { changed: 0, late: 0, tidy: [], hiddenChanged: [] };
  if (events.length === 0) return result;
  await db.transaction(async (tx) => {
    const rules = await lockPostings(tx, {
      messageIds: [...new Set(events.map((event) => event.messageId))],
    });
    if (rules.size === 0) return;
    const byMessage = new Map([...rules.values()].map((posting) => [posting.messageId, posting]));
    const relevant = events.filter((event) => byMessage.has(event.messageId));
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
      const posting = byMessage.get(event.messageId);
      if (!posting) continue;
      if (posting.closed || event.at.getTime() >= posting.closesAtMs) {
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
      if (applied.tidy.length > 0) result.tidy.push(...tidyOf(posting, event.userId, applied));
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
    const posting = (await lockPostings(tx, { postingIds: [postingId] })).get(postingId);
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

/**
 * Locks the postings' rows (by id, or by question message) until the transaction ends and reads how
 * each takes answers. Ids and message ids travel as one JSON parameter each.
 */
async function lockPostings(
  tx: Tx,
  which: { postingIds: number[] } | { messageIds: string[] },
): Promise<Map<number, PostingRules>> {
  const filter =
    "postingIds" in which
      ? inJsonList(postings.id, which.postingIds)
      : inJsonList(postings.messageId, which.messageIds);
  const rows = await queryRows<{
    posting_id: number;
    message_id: string | null;
    closes_at_ms: number | string;
    closed: boolean;
    required: number;
    channel_id: string;
    policy: "first" | "last";
    hidden: boolean;
  }>(
    tx,
    sql`select ${postings.id} as posting_id, ${postings.messageId} as message_id,
          (extract(epoch from ${postings.closesAt}) * 1000)::float8 as closes_at_ms,
          ${postings.closedAt} is not null as closed, ${postings.answerSize} as required,
          ${quizChannels.channelId} as channel_id, ${quizChannels.answerPolicy} as policy,
          ${quizChannels.hiddenAnswers} as hidden
        from ${postings} join ${quizChannels} on ${quizChannels.id} = ${postings.quizChannelId}
        where ${filter}
        order by ${postings.id}
        for update of ${postings}`,
  );
  return new Map(
    rows.map((row) => [
      Number(row.posting_id),
      {
        postingId: Number(row.posting_id),
        messageId: row.message_id ?? "",
        channelId: row.channel_id,
        closesAtMs: Number(row.closes_at_ms),
        closed: row.closed,
        required: Number(row.required),
        policy: row.policy,
        hidden: row.hidden,
      },
    ]),
  );
}

/** The stored answers of the postings (of these members only, when given), keyed by answerKey. */
async function storedAnswers(tx: Tx, postingIds: number[], userIds?: string[]) {
  const members = userIds ? sql` and ${inJsonList(answers.userId, userIds)}` : sql``;
  const rows = await queryRows<{ posting_id: number; user_id: string } & AnswerState>(
    tx,
    sql`select ${answers.postingId} as posting_id, ${answers.userId} as user_id, ${answers.choices} as choices,
          ${answers.held} as held, ${answers.locked} as locked
        from ${answers} where ${inJsonList(answers.postingId, postingIds)}${members}`,
  );
  return new Map(
    rows.map((row) => [
      answerKey(Number(row.posting_id), row.user_id),
      { userId: row.user_id, choices: row.choices, held: row.held, locked: row.locked },
    ]),
  );
}

function stateOf(stored: AnswerState | undefined): AnswerState {
  return stored ? { choices: stored.choices, held: stored.held, locked: stored.locked } : noAnswer;
}

/** One member's answer to one posting, as a map key. */
function answerKey(postingId: number, userId: string): string {
  return `${postingId}:${userId}`;
}

/** One upsert for all the rows: they travel as one JSON parameter, so its cost does not grow per row in the bot. */
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
  const values = JSON.stringify(
    rows.map(({ postingId, userId, state, firstAnsweredAt, lastAnsweredAt }) => ({
      posting_id: postingId,
      user_id: userId,
      choices: state.choices,
      held: state.held,
      locked: state.locked,
      first_answered_at: firstAnsweredAt,
      last_answered_at: lastAnsweredAt,
    })),
  );
  // The select gives every column of answers in the table's order; `correct` is set when the posting closes.
  await tx
    .insert(answers)
    .select(
      sql`select r.posting_id, r.user_id, r.choices, r.first_answered_at, r.last_answered_at, r.held, r.locked, null
        from json_to_recordset(${values}::json) as r(posting_id int, user_id text, choices text, held text,
          locked boolean, first_answered_at timestamptz, last_answered_at timestamptz)`,
    )
    .onConflictDoUpdate({
      target: [answers.postingId, answers.userId],
      set: {
        choices: excluded(answers.choices),
        held: excluded(answers.held),
        locked: excluded(answers.locked),
        lastAnsweredAt: excluded(answers.lastAnsweredAt),
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
