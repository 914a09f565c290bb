import { DateTime } from "luxon";
import type { AppContext } from "../context.js";
import { findQuestion } from "../questions/find-question.js";
import { optionLetters } from "../questions/question.js";
import {
  clearChannelError,
  isBackingOff,
  listQuizChannels,
  type QuizChannel,
  quizChannelById,
  recordChannelError,
  setPaused,
} from "./channels.js";
import {
  claimPosting,
  hasPostingOn,
  leaseSending,
  markSent,
  type Posting,
  unsentPostings,
} from "./claim-posting.js";
import { closePosting, expiredPostings, openPostingsOf } from "./close-posting.js";
import { PublishError, type QuizPublisher } from "./publisher.js";
import { reconcileAnswers } from "./reconcile.js";
import { openPostings, recordAnswer } from "./record-answer.js";
import { leaseReveal, markRevealed, revealData, unrevealedPostings } from "./reveal.js";
import { dueOccurrence, type Occurrence } from "./schedule.js";

/**
 * One scheduler tick of the daily question: close and reveal what expired, finish reveals a crash
 * interrupted, and open each channel's question when it is due. The database decides what is due.
 */
export async function runQuizTick(ctx: AppContext, publisher: QuizPublisher, now: Date): Promise<void> {
  for (const { id } of await expiredPostings(ctx.db, now)) await closeAndReveal(ctx, publisher, id, now);
  for (const { id } of await unrevealedPostings(ctx.db)) await revealPosting(ctx, publisher, id, now);
  for (const channel of await listQuizChannels(ctx.db)) {
    if (channel.paused || isBackingOff(channel, now)) continue;
    const occurrence = dueOccurrence(channel, now);
    await guarded(ctx, channel, now, async () => {
      if (occurrence) await openPosting(ctx, publisher, channel, occurrence);
      for (const posting of await unsentPostings(ctx.db, channel.id))
        await sendPosting(ctx, publisher, channel, posting, now);
    });
  }
}

export type PostNowOutcome =
  | { kind: "posted"; posting: Posting }
  | { kind: "already-posted" }
  | { kind: "no-questions" }
  | { kind: "failed"; message: string };

/** `/quiz post-now`: today's question, now, if the channel has not had it yet. */
export async function postNow(
  ctx: AppContext,
  publisher: QuizPublisher,
  channel: QuizChannel,
  now: Date,
): Promise<PostNowOutcome> {
  const localDate = DateTime.fromJSDate(now, { zone: channel.timeZone }).toISODate() ?? "";
  const occurrence = {
    localDate,
    opensAt: now,
    closesAt: new Date(now.getTime() + channel.windowHours * 3_600_000),
  };
  const outcome = await openPosting(ctx, publisher, channel, occurrence);
  if (outcome.kind !== "claimed")
    return outcome.kind === "taken" ? { kind: "already-posted" } : { kind: "no-questions" };
  try {
    await sendPosting(ctx, publisher, channel, outcome.posting, now, { rethrow: true });
    return { kind: "posted", posting: outcome.posting };
  } catch (error) {
    if (error instanceof PublishError) return { kind: "failed", message: error.message };
    throw error;
  }
}

/** `/quiz close-now`: closes the channel's open question and reveals it. Returns how many closed. */
export async function closeNow(
  ctx: AppContext,
  publisher: QuizPublisher,
  channel: QuizChannel,
  now: Date,
): Promise<number> {
  const open = await openPostingsOf(ctx.db, channel.id);
  for (const { id } of open) await closeAndReveal(ctx, publisher, id, now);
  return open.length;
}

/**
 * Brings open questions' answers in line with the reactions Discord holds (at start, after a reconnect,
 * and for messages whose reactions could not be recorded). With hidden answers, a reaction still on the
 * message was never recorded: it is recorded now and removed.
 */
export async function reconcileOpenPostings(
  ctx: AppContext,
  publisher: QuizPublisher,
  now: Date,
  onlyMessages?: ReadonlySet<string>,
): Promise<number> {
  let changed = 0;
  for (const posting of await openPostings(ctx.db)) {
    if (!posting.messageId || (onlyMessages && !onlyMessages.has(posting.messageId))) continue;
    const stored = await findQuestion(ctx.db, posting.questionId, posting.questionRevision);
    if (!stored) continue;
    try {
      const holders = await publisher.readReactions(
        posting.channelId,
        posting.messageId,
        optionLetters(stored.question),
      );
      if (!posting.hidden) {
        changed += await reconcileAnswers(ctx.db, posting.id, holders, now);
        continue;
      }
      for (const [letter, users] of holders) {
        for (const userId of users) {
          await recordAnswer(ctx.db, {
            messageId: posting.messageId,
            userId,
            letter,
            change: "add",
            at: now,
          });
          await publisher.removeReaction(posting.channelId, posting.messageId, letter, userId);
          changed += 1;
        }
      }
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      ctx.log.warn(
        { postingId: posting.id, channelId: posting.channelId, err: error },
        "could not read reactions",
      );
    }
  }
  return changed;
}

async function openPosting(
  ctx: AppContext,
  publisher: QuizPublisher,
  channel: QuizChannel,
  occurrence: Occurrence,
) {
  const track = ctx.tracks.get(channel.exam);
  if (!track) throw new PublishError("transient", `the exam track ${channel.exam} has no questions loaded`);
  if (await hasPostingOn(ctx.db, channel.id, occurrence.localDate)) return { kind: "taken" } as const;
  // The previous question closes when the next one opens, even if its window is longer than a day.
  // Only earlier days': another process may have just claimed today's and not sent it yet.
  for (const { id } of await openPostingsOf(ctx.db, channel.id, occurrence.localDate)) {
    await closeAndReveal(ctx, publisher, id, occurrence.opensAt);
  }
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

async function sendPosting(
  ctx: AppContext,
  publisher: QuizPublisher,
  channel: QuizChannel,
  posting: Posting,
  now: Date,
  options = { rethrow: false },
) {
  if (!(await leaseSending(ctx.db, posting.id, now))) return;
  const stored = await findQuestion(ctx.db, posting.questionId, posting.questionRevision);
  const track = ctx.tracks.get(channel.exam);
  if (!stored || !track) return;
  try {
    const messageId = await publisher.postQuestion(channel, posting, stored.question, track);
    await markSent(ctx.db, posting.id, messageId, now);
    await clearChannelError(ctx.db, channel);
    ctx.log.info(
      { guildId: channel.guildId, channelId: channel.channelId, postingId: posting.id, messageId },
      "question posted",
    );
  } catch (error) {
    await handleFailure(ctx, channel, now, error);
    if (options.rethrow) throw error;
  }
}

async function closeAndReveal(ctx: AppContext, publisher: QuizPublisher, postingId: number, now: Date) {
  const closed = await closePosting(ctx.db, postingId, now);
  if (closed)
    ctx.log.info({ postingId, answered: closed.answered, correct: closed.correct }, "question closed");
  await revealPosting(ctx, publisher, postingId, now);
}

async function revealPosting(ctx: AppContext, publisher: QuizPublisher, postingId: number, now: Date) {
  if (!(await leaseReveal(ctx.db, postingId, now))) return;
  const reveal = await revealData(ctx.db, postingId);
  const channel = reveal && (await quizChannelById(ctx.db, reveal.posting.quizChannelId));
  const track = channel && ctx.tracks.get(channel.exam);
  if (!reveal || !channel || !track) return;
  await guarded(ctx, channel, now, async () => {
    // The question edit is cosmetic; the reveal is what members wait for, so a failed edit does not stop it.
    await publisher.showClosed(reveal.channelId, reveal.posting, reveal.question, track).catch((error) => {
      ctx.log.warn({ postingId, err: error }, "could not mark the question closed");
    });
    const revealMessageId = await publisher.postReveal(reveal, track);
    await markRevealed(ctx.db, postingId, revealMessageId, now);
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
  const log = { guildId: channel.guildId, channelId: channel.channelId, kind: error.kind, err: error };
  if (error.kind === "channel-gone") {
    ctx.log.warn(log, "quiz channel is gone: pausing it");
    await setPaused(ctx.db, channel.id, true, error.message);
    return;
  }
  ctx.log.warn(log, "Discord refused quiz work; will retry");
  await recordChannelError(ctx.db, channel, error.message, now);
}
