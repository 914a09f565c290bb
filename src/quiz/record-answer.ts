import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { answers, postings, quizChannels } from "../db/schema.js";
import type { Letter } from "../questions/question.js";

export interface ReactionEvent {
  messageId: string;
  userId: string;
  letter: Letter;
  change: "add" | "remove";
  at: Date;
}

/** What happened, so the Discord layer knows which reactions to tidy up. */
export type AnswerOutcome =
  | { kind: "not-a-question" }
  | { kind: "closed" }
  | { kind: "ignored" }
  | { kind: "locked"; postingId: number; policy: "first" }
  | {
      kind: "recorded";
      postingId: number;
      choices: string;
      hiddenAnswers: boolean;
      /** A single-answer question keeps one reaction per member: the letters this answer replaced. */
      replaced: Letter[];
    };

/**
 * Records one reaction change as one atomic upsert keyed (posting, member), safe with several processes.
 * - Single-answer questions: a new letter replaces the previous one.
 * - Multiple-response questions: the answer is the set of letters the member holds (with hidden answers,
 *   where the bot removes reactions, each reaction toggles its letter instead).
 * - Policy "first": the first complete answer locks; later changes are ignored.
 */
export async function recordAnswer(db: Db, event: ReactionEvent): Promise<AnswerOutcome> {
  const [posting] = await db
    .select({
      id: postings.id,
      closedAt: postings.closedAt,
      closesAt: postings.closesAt,
      policy: quizChannels.answerPolicy,
      hidden: quizChannels.hiddenAnswers,
      required: postings.answerSize,
    })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(eq(postings.messageId, event.messageId));
  if (!posting) return { kind: "not-a-question" };
  if (posting.closedAt || event.at >= posting.closesAt) return { kind: "closed" };
  // With hidden answers the bot removes every reaction itself, so removals say nothing about the answer.
  if (event.change === "remove" && posting.hidden) return { kind: "ignored" };

  const single = posting.required === 1;
  const current = sql`${answers.choices}`;
  const letter = event.letter;
  const next =
    event.change === "remove"
      ? sql`replace(${current}, ${letter}, '')`
      : single
        ? sql`${letter}::text`
        : posting.hidden
          ? sql`case when position(${letter} in ${current}) > 0 then replace(${current}, ${letter}, '') else ${sortedLetters(sql`${current} || ${letter}`)} end`
          : sortedLetters(sql`${current} || ${letter}`);
  const lockWhenComplete = (choices: ReturnType<typeof sql>) =>
    posting.policy === "first" ? sql`length(${choices}) >= ${posting.required}` : sql`false`;

  // Only a single-answer add needs the previous choice (to say which reaction it replaced).
  const before =
    single && event.change === "add"
      ? (
          await db
            .select({ choices: answers.choices })
            .from(answers)
            .where(and(eq(answers.postingId, posting.id), eq(answers.userId, event.userId)))
        )[0]
      : undefined;
  const initial = event.change === "add" ? letter : "";
  const [row] = await db
    .insert(answers)
    .values({
      postingId: posting.id,
      userId: event.userId,
      choices: initial,
      firstAnsweredAt: event.at,
      lastAnsweredAt: event.at,
      locked: posting.policy === "first" && initial.length >= posting.required,
    })
    .onConflictDoUpdate({
      target: [answers.postingId, answers.userId],
      set: { choices: next, lastAnsweredAt: event.at, locked: lockWhenComplete(next) },
      setWhere: sql`not ${answers.locked}`,
    })
    .returning({ choices: answers.choices });
  if (!row) return { kind: "locked", postingId: posting.id, policy: "first" };
  const replaced =
    single && event.change === "add"
      ? ([...(before?.choices ?? "")] as Letter[]).filter((other) => other !== letter)
      : [];
  return {
    kind: "recorded",
    postingId: posting.id,
    choices: row.choices,
    hiddenAnswers: posting.hidden,
    replaced,
  };
}

/** The distinct letters of a text, sorted: "CAC" → "AC". */
function sortedLetters(text: ReturnType<typeof sql>) {
  return sql`coalesce((select string_agg(l, '' order by l) from (select distinct unnest(string_to_array(${text}, null)) as l) as letters), '')`;
}

/** Open postings whose question message is known: reconciled with Discord after a restart. */
export async function openPostings(db: Db) {
  return db
    .select({
      id: postings.id,
      messageId: postings.messageId,
      questionId: postings.questionId,
      questionRevision: postings.questionRevision,
      channelId: quizChannels.channelId,
      hidden: quizChannels.hiddenAnswers,
    })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(and(isNull(postings.closedAt), sql`${postings.messageId} is not null`));
}

/** Members with an answer so far (shown live on questions with hidden answers). */
export async function answerCount(db: Db, postingId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(answers)
    .where(and(eq(answers.postingId, postingId), sql`${answers.choices} <> ''`));
  return Number(row?.count ?? 0);
}
