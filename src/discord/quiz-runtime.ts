import { type Client, Events } from "discord.js";
import type { AppContext } from "../context.js";
import { reconcileOpenPostings, runQuizTick } from "../quiz/lifecycle.js";
import type { QuizPublisher } from "../quiz/publisher.js";
import type { Job } from "../scheduler.js";
import { listenForAnswers } from "./events/answer-reactions.js";
import { createQuizPublisher } from "./quiz-publisher.js";

export interface QuizRuntime {
  publisher: QuizPublisher;
  job: Job;
  /** Reconciles every open question with Discord's reactions (called at start). */
  reconcile(): Promise<void>;
  stop(): void;
}

/**
 * Connects the quiz lifecycle to Discord: answers from reactions, the minute tick, and reconciliation
 * at start, after every gateway reconnect, and for messages whose reactions failed to record.
 */
export function startQuizRuntime(
  client: Client,
  ctx: AppContext,
  track: (work: Promise<unknown>) => void,
): QuizRuntime {
  const publisher = createQuizPublisher(client);
  const missed = new Set<string>();
  const stopListening = listenForAnswers(client, ctx, track, (messageId) => missed.add(messageId));

  const reconcile = async (only?: ReadonlySet<string>) => {
    const changed = await reconcileOpenPostings(ctx, publisher, ctx.clock.now(), only);
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
    publisher,
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
        await runQuizTick(ctx, publisher, now);
      },
    },
    stop() {
      stopListening();
      client.off(Events.ShardResume, onReconnect);
      client.off(Events.ShardReady, onReconnect);
    },
  };
}
