import { type Client, Events } from "discord.js";
import type { AppContext } from "../context.js";
import { AnswerIngest } from "../quiz/answer-ingest.js";
import type { RecordedAnswers } from "../quiz/answers.js";
import {
  type QuizServices,
  reconcileOpenPostings,
  refreshAnswerCount,
  removeReactions,
  runQuizTick,
} from "../quiz/lifecycle.js";
import type { Job } from "../scheduler.js";
import { listenForAnswers } from "./events/answer-reactions.js";
import { createQuizPublisher } from "./quiz-publisher.js";

/** Live "N answers so far" edits wait this long, so a burst of answers makes one edit, within Discord's limits. */
const countEditDelayMs = 3_000;

export interface QuizRuntime extends QuizServices {
  job: Job;
  /** Reconciles every open question with Discord's reactions (called at start). */
  reconcile(): Promise<void>;
  /** Stops listening and writes the answers still queued. */
  stop(): Promise<void>;
}

/**
 * Connects the quiz lifecycle to Discord: answers from reactions (written in batches), the minute tick,
 * and reconciliation at start, after every gateway reconnect, and for messages whose answers failed to
 * record.
 */
export function startQuizRuntime(
  client: Client,
  ctx: AppContext,
  track: (work: Promise<unknown>) => void,
): QuizRuntime {
  const publisher = createQuizPublisher(client);
  const missed = new Set<string>();
  const pendingCountEdits = new Map<number, NodeJS.Timeout>();
  const services: QuizServices = {
    publisher,
    answers: new AnswerIngest({
      db: ctx.db,
      log: ctx.log,
      onRecorded: (result) => track(afterRecorded(result)),
      onMissed: (messageIds) => {
        for (const messageId of messageIds) missed.add(messageId);
      },
    }),
  };
  const stopListening = listenForAnswers(client, ctx, services.answers);

  async function afterRecorded(result: RecordedAnswers) {
    await removeReactions(ctx, publisher, result.tidy);
    for (const { postingId } of result.hiddenChanged) {
      if (pendingCountEdits.has(postingId)) continue;
      const timer = setTimeout(() => {
        pendingCountEdits.delete(postingId);
        track(
          refreshAnswerCount(ctx, services, postingId).catch((error) =>
            ctx.log.warn({ err: error, postingId }, "could not update the answer count"),
          ),
        );
      }, countEditDelayMs);
      pendingCountEdits.set(postingId, timer);
    }
  }

  const reconcile = async (only?: ReadonlySet<string>) => {
    const changed = await reconcileOpenPostings(ctx, services, ctx.clock.now(), only);
    if (changed > 0) ctx.log.info({ changed }, "answers reconciled with Discord");
  };
  // The first READY is covered by the reconcile that start-up awaits; later sessions and resumes are not.
  let started = false;
  const onReconnect = () =>
    started &&
    track(
      reconcile().catch((error) =>
        ctx.log.error({ err: error }, "reconciling answers after a reconnect failed"),
      ),
    );
  client.on(Events.ShardResume, onReconnect);
  client.on(Events.ShardReady, onReconnect);

  return {
    ...services,
    async reconcile() {
      started = true;
      await reconcile();
    },
    job: {
      name: "quiz",
      async run(now) {
        if (missed.size > 0) {
          const retry = new Set(missed);
          missed.clear();
          await reconcile(retry).catch((error) => {
            for (const messageId of retry) missed.add(messageId);
            throw error;
          });
        }
        await runQuizTick(ctx, services, now);
      },
    },
    async stop() {
      stopListening();
      client.off(Events.ShardResume, onReconnect);
      client.off(Events.ShardReady, onReconnect);
      for (const timer of pendingCountEdits.values()) clearTimeout(timer);
      await services.answers.stop();
    },
  };
}
