import { DateTime } from "luxon";
import pLimit from "p-limit";
import type { AppContext } from "../context.js";
import { metrics } from "../metrics.js";
import { findQuestion } from "../questions/find-question.js";
import { optionLetters } from "../questions/question.js";
import type { AnswerIngest } from "./answer-ingest.js";
import { answerCount, settleAnswers, type TidyRequest } from "./answers.js";
import {
  clearChannelError,
  isBackingOff,
  noteChannelProblem,
  type QuizChannel,
  quizChannelById,
  quizChannelsOnShards,
  recordChannelError,
  setPaused,
} from "./channels.js";
import { closePosting } from "./close-posting.js";
import {
  claimPosting,
  expiredPostings,
  findPosting,
  hasPostingOnOrAfter,
  leaseReveal,
  leaseSending,
  markRevealed,
  markSent,
  openPostings,
  openPostingsOf,
  type Posting,
  postingOn,
  unrevealedPostings,
  unsentPostings,
} from "./postings.js";
import { PublishError, type QuizPublisher, type ShownQuestion } from "./publisher.js";
import { revealData } from "./reveal.js";
import { dueOccurrence, type Occurrence } from "./schedule.js";
import { nextPostAt } from "./status.js";

/** What the lifecycle works with besides the database: the chat platform and the answers on their way in. */
export interface QuizServices {
  publisher: QuizPublisher;
  answers: AnswerIngest;
}

/**
 * Channels worked on at once in a tick: Discord's rate limits, not this, set the pace of a posting wave.
 * Each channel spends most of its time waiting (its own reaction limit, round trips, the database), so
 * enough of them must be in flight to keep the bot at Discord's global 50 requests/s (the REST client
 * queues what is over it): 16 kept a 1,000-channel wave at 1.5 × the bound, 64 keeps it near it.
 */
const channelConcurrency = 64;
/** How long past its close a question waits for Discord to show its reactions before it is scored anyway. */
const settleGraceMs = 15 * 60_000;

/**
 * One scheduler tick of the daily question: close and reveal what expired, finish reveals a crash
 * interrupted, and open each channel's question when it is due. The database decides what is due.
 */
export async function runQuizTick(ctx: AppContext, quiz: QuizServices, now: Date): Promise<void> {
  const limit = pLimit(channelConcurrency);
  const expired = await expiredPostings(ctx.db, now, ctx.shards);
  if (expired.length > 0) await quiz.answers.flush();
  await Promise.all(expired.map(({ id }) => limit(() => closeAndReveal(ctx, quiz, id, now))));
  await Promise.all(
    (await unrevealedPostings(ctx.db, ctx.shards)).map(({ id }) =>
      limit(() => revealPosting(ctx, quiz, id, now)),
    ),
  );
  const channels = (await quizChannelsOnShards(ctx.db, ctx.shards)).filter(
    (channel) => !channel.paused && !isBackingOff(channel, now),
  );
  await Promise.all(
    channels.map((channel) =>
      limit(() =>
        guarded(ctx, channel, now, async () => {
          const occurrence = dueOccurrence(channel, now);
          // Never a day that opened before the channel was set up or resumed; openPosting also skips a
          // day the channel already has a question for, or an older one (no two open for one day).
          if (occurrence && occurrence.opensAt >= channel.activeSince)
            await openPosting(ctx, quiz, channel, occurrence);
          for (const posting of await unsentPostings(ctx.db, channel.id))
            await sendPosting(ctx, quiz, channel, posting, now);
        }),
      ),
    ),
  );
}

export type PostNowOutcome =
  | { kind: "posted"; posting: Posting; nextPostAt: Date | undefined }
  | { kind: "already-posted"; posting: Posting; nextPostAt: Date | undefined }
  | { kind: "no-questions" }
  | { kind: "failed"; reason: PublishError };

/** `/quiz post-now`: today's question, now, if the channel has not had it yet. */
export async function postNow(
  ctx: AppContext,
  quiz: QuizServices,
  channel: QuizChannel,
  now: Date,
): Promise<PostNowOutcome> {
  const localDate = DateTime.fromJSDate(now, { zone: channel.timeZone }).toISODate() ?? "";
  const occurrence = {
    localDate,
    opensAt: now,
    closesAt: DateTime.fromJSDate(now).plus({ hours: channel.windowHours }).toJSDate(),
  };
  const outcome = await openPosting(ctx, quiz, channel, occurrence);
  if (outcome.kind === "no-questions") return outcome;
  if (outcome.kind === "taken") {
    const posting = await postingOn(ctx.db, channel.id, localDate);
    if (!posting)
      throw new Error(`channel ${channel.id} has no posting on ${localDate} although it was taken`);
    return { kind: "already-posted", posting, nextPostAt: await nextPostAt(ctx.db, channel, now) };
  }
  try {
    await sendPosting(ctx, quiz, channel, outcome.posting, now, { rethrow: true });
  } catch (error) {
    if (error instanceof PublishError) return { kind: "failed", reason: error };
    throw error;
  }
  const posting = (await findPosting(ctx.db, outcome.posting.id)) ?? outcome.posting;
  return { kind: "posted", posting, nextPostAt: await nextPostAt(ctx.db, channel, now) };
}

/** `/quiz close-now`: closes the channel's open question and reveals it. Returns how many closed. */
export async function closeNow(
  ctx: AppContext,
  quiz: QuizServices,
  channel: QuizChannel,
  now: Date,
): Promise<number> {
  const open = await openPostingsOf(ctx.db, channel.id);
  if (open.length > 0) await quiz.answers.flush();
  for (const { id } of open) await closeAndReveal(ctx, quiz, id, now, { force: true });
  return open.length;
}

/**
 * Brings open questions' answers in line with the reactions Discord holds (at start, after a reconnect,
 * and for messages whose reactions could not be recorded). Idempotent: see settleToReactions.
 */
export async function reconcileOpenPostings(
  ctx: AppContext,
  quiz: QuizServices,
  now: Date,
  onlyMessages?: ReadonlySet<string>,
): Promise<number> {
  let changed = 0;
  for (const posting of await openPostings(ctx.db, ctx.shards)) {
    if (!posting.messageId || (onlyMessages && !onlyMessages.has(posting.messageId))) continue;
    const settled = await settleWithDiscord(ctx, quiz, posting, now);
    if (settled.kind === "settled") changed += settled.changed;
  }
  return changed;
}

type Settled =
  | { kind: "settled"; changed: number }
  | { kind: "message-gone"; channel: QuizChannel }
  | { kind: "failed" };

/** Reads who holds each answer reaction on the question and settles the stored answers to it. */
async function settleWithDiscord(
  ctx: AppContext,
  quiz: QuizServices,
  posting: Pick<Posting, "id" | "messageId" | "questionId" | "questionRevision" | "quizChannelId">,
  now: Date,
): Promise<Settled> {
  const channel = await quizChannelById(ctx.db, posting.quizChannelId);
  const stored = await findQuestion(ctx.db, posting.questionId, posting.questionRevision);
  if (!posting.messageId || !channel || !stored) return { kind: "failed" };
  const log = { postingId: posting.id, guildId: channel.guildId, channelId: channel.channelId };
  try {
    const holders = await quiz.publisher.readReactions(
      channel.channelId,
      posting.messageId,
      optionLetters(stored.question),
    );
    const { changed, tidy } = await settleAnswers(ctx.db, posting.id, holders, now);
    await removeReactions(ctx, quiz.publisher, tidy);
    return { kind: "settled", changed };
  } catch (error) {
    if (!(error instanceof PublishError)) throw error;
    if (error.kind === "message-gone") {
      ctx.log.warn(log, "question message is gone; scoring the answers recorded before that");
      return { kind: "message-gone", channel };
    }
    ctx.log.warn({ ...log, err: error }, "could not read reactions");
    return { kind: "failed" };
  }
}

/** Removes members' reactions (replaced, locked out, hidden); the bot may lack Manage Messages, so it only logs. */
export async function removeReactions(
  ctx: AppContext,
  publisher: QuizPublisher,
  tidy: readonly TidyRequest[],
): Promise<void> {
  for (const { channelId, messageId, letter, userId } of tidy) {
    await publisher.removeReaction(channelId, messageId, letter, userId).catch((error) => {
      ctx.log.warn({ err: error, channelId, messageId, userId }, "could not remove a member's reaction");
    });
  }
}

async function openPosting(
  ctx: AppContext,
  quiz: QuizServices,
  channel: QuizChannel,
  occurrence: Occurrence,
) {
  const track = ctx.tracks.get(channel.exam);
  if (!track) throw new PublishError("transient", `the exam track ${channel.exam} has no questions loaded`);
  if (await hasPostingOnOrAfter(ctx.db, channel.id, occurrence.localDate)) return { kind: "taken" } as const;
  // The previous question closes when the next one opens, even if its window is longer than a day.
  // Only earlier days': another process may have just claimed today's and not sent it yet.
  const earlier = await openPostingsOf(ctx.db, channel.id, occurrence.localDate);
  if (earlier.length > 0) await quiz.answers.flush();
  for (const { id } of earlier) await closeAndReveal(ctx, quiz, id, occurrence.opensAt, { force: true });
  const outcome = await claimPosting(ctx.db, channel, occurrence, track);
  if (outcome.kind === "claimed") {
    ctx.log.info(
      {
        guildId: channel.guildId,
        channelId: channel.channelId,
        postingId: outcome.posting.id,
        questionId: outcome.posting.questionId,
      },
      "question claimed",
    );
  }
  return outcome;
}

/** Updates the live "N answers so far" on an open question with hidden answers. */
export async function refreshAnswerCount(
  ctx: AppContext,
  quiz: QuizServices,
  postingId: number,
): Promise<void> {
  const posting = await findPosting(ctx.db, postingId);
  const channel = posting && (await quizChannelById(ctx.db, posting.quizChannelId));
  const shown = posting && channel && (await shownQuestion(ctx, posting, channel.exam));
  if (!posting || !channel || !shown || posting.closedAt) return;
  await quiz.publisher.showAnswerCount(channel.channelId, shown, await answerCount(ctx.db, postingId));
}

async function shownQuestion(
  ctx: AppContext,
  posting: Posting,
  exam: string,
): Promise<ShownQuestion | undefined> {
  const stored = await findQuestion(ctx.db, posting.questionId, posting.questionRevision);
  const track = ctx.tracks.get(exam);
  return stored && track ? { posting, question: stored.question, number: stored.number, track } : undefined;
}

async function sendPosting(
  ctx: AppContext,
  quiz: QuizServices,
  channel: QuizChannel,
  posting: Posting,
  now: Date,
  options = { rethrow: false },
) {
  if (!(await leaseSending(ctx.db, posting.id, now))) return;
  const shown = await shownQuestion(ctx, posting, channel.exam);
  if (!shown) return;
  const log = { guildId: channel.guildId, channelId: channel.channelId, postingId: posting.id };
  try {
    const messageId = await quiz.publisher.postQuestion(channel, shown);
    // Recorded before the reactions go on: members react to the first letter while the rest are added.
    await markSent(ctx.db, posting.id, messageId, now);
    metrics.postingPosted.inc();
    ctx.log.info({ ...log, messageId }, "question posted");
    await quiz.publisher.addAnswerReactions(channel.channelId, messageId, optionLetters(shown.question));
    await clearChannelError(ctx.db, channel);
  } catch (error) {
    await handleFailure(ctx, channel, now, error);
    if (options.rethrow) throw error;
  }
}

/**
 * Settles everything pending for the posting (answers queued in this process, then the reactions
 * Discord shows), scores it in one transaction, then reveals it. If Discord cannot be read, the close
 * waits for a later tick, up to a grace period (or not at all when an admin closes it now).
 */
async function closeAndReveal(
  ctx: AppContext,
  quiz: QuizServices,
  postingId: number,
  now: Date,
  { force = false } = {},
) {
  const posting = await findPosting(ctx.db, postingId);
  if (!posting || posting.closedAt) return revealPosting(ctx, quiz, postingId, now);
  if (posting.messageId) {
    const settled = await settleWithDiscord(ctx, quiz, posting, now);
    if (settled.kind === "failed" && !force && now.getTime() < posting.closesAt.getTime() + settleGraceMs)
      return;
    if (settled.kind === "message-gone")
      await noteChannelProblem(
        ctx.db,
        settled.channel,
        `question ${posting.sequence}'s message was deleted before it closed; the answers recorded until then were scored`,
        now,
      );
  }
  const closed = await closePosting(ctx.db, postingId, now);
  if (closed) {
    metrics.postingClosed.inc();
    ctx.log.info({ postingId, answered: closed.answered, correct: closed.correct }, "question closed");
  }
  await revealPosting(ctx, quiz, postingId, now);
}

async function revealPosting(ctx: AppContext, quiz: QuizServices, postingId: number, now: Date) {
  if (!(await leaseReveal(ctx.db, postingId, now))) return;
  const reveal = await revealData(ctx.db, postingId);
  const channel = reveal && (await quizChannelById(ctx.db, reveal.posting.quizChannelId));
  const shown = channel && reveal && (await shownQuestion(ctx, reveal.posting, channel.exam));
  if (!reveal || !channel || !shown) return;
  await guarded(ctx, channel, now, async () => {
    // The question edit is cosmetic; the reveal is what members wait for, so a failed edit does not stop it.
    await quiz.publisher.showClosed(reveal.channelId, shown).catch((error) => {
      ctx.log.warn({ postingId, err: error }, "could not mark the question closed");
    });
    const revealMessageId = await quiz.publisher.postReveal(reveal, shown.track);
    await markRevealed(ctx.db, postingId, revealMessageId, now);
    metrics.postingRevealed.inc();
  });
}

/** Runs Discord work for a channel; a refusal is recorded for /quiz status and retried later with backoff. */
async function guarded(ctx: AppContext, channel: QuizChannel, now: Date, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    await handleFailure(ctx, channel, now, error);
  }
}

async function handleFailure(ctx: AppContext, channel: QuizChannel, now: Date, error: unknown) {
  if (!(error instanceof PublishError)) throw error;
  metrics.quizPublishFailed.inc({ stage: error.kind });
  const log = { guildId: channel.guildId, channelId: channel.channelId, kind: error.kind, err: error };
  if (error.kind === "channel-gone") {
    ctx.log.warn(log, "quiz channel is gone: pausing it");
    await setPaused(ctx.db, channel.id, true, now, error.message);
    return;
  }
  ctx.log.warn(log, "Discord refused quiz work; will retry");
  await recordChannelError(ctx.db, channel, error.message, now);
}
