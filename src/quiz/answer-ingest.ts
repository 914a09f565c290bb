import type { Db } from "../db/client.js";
import type { Logger } from "../log.js";
import { metrics } from "../metrics.js";
import { type ReactionEvent, type RecordedAnswers, recordReactions } from "./answers.js";

export interface AnswerIngestOptions {
  db: Db;
  log: Logger;
  /** What to do with a written batch: remove reactions, update live counts. */
  onRecorded(result: RecordedAnswers): void;
  /** Messages whose events could not be written yet: reconcile them with Discord when the database is back. */
  onMissed(messageIds: ReadonlySet<string>): void;
  /** How long events gather before they are written together (default 25 ms). */
  gatherMs?: number;
}

/** The most events one statement carries, and the most kept in memory while the database is away. */
const maxBatch = 2_000;
const maxQueued = 50_000;
const maxRetryMs = 30_000;

/**
 * Reaction events, gathered for a few milliseconds and written in batches (see recordReactions), in the
 * order they came. A busy server costs a few statements per batch instead of several per reaction, so the
 * embedded database keeps answering commands during a burst. When the database fails the events stay
 * queued and are retried with backoff; their messages are also reconciled with Discord, which holds the
 * reactions, so nothing is lost if the process stops first.
 */
export class AnswerIngest {
  readonly #options: AnswerIngestOptions;
  #queue: ReactionEvent[] = [];
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<void> = Promise.resolve();
  #failures = 0;
  #stopped = false;

  constructor(options: AnswerIngestOptions) {
    this.#options = options;
  }

  get pending(): number {
    return this.#queue.length;
  }

  push(event: ReactionEvent): void {
    if (this.#stopped) return;
    this.#queue.push(event);
    if (this.#queue.length > maxQueued) {
      const dropped = this.#queue.splice(0, this.#queue.length - maxQueued);
      this.#options.onMissed(new Set(dropped.map((e) => e.messageId)));
    }
    this.#schedule(this.#options.gatherMs ?? 25);
  }

  /** Writes everything queued so far; rejects when the database refuses (the events stay queued). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const run = this.#draining.then(() => this.#drain());
    this.#draining = run.catch(() => {});
    await run;
  }

  /** Stops taking events and makes a last attempt to write what is queued. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.flush().catch((error) =>
      this.#options.log.warn(
        { err: error, pending: this.#queue.length },
        "answers not written at shutdown; reconcile will restore them",
      ),
    );
  }

  #schedule(delayMs: number): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush().catch(() => {});
    }, delayMs);
    this.#timer.unref?.();
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, maxBatch);
      let result: RecordedAnswers;
      try {
        result = await recordReactions(this.#options.db, batch);
      } catch (error) {
        this.#queue.unshift(...batch);
        this.#failures += 1;
        const retryMs = Math.min(maxRetryMs, 500 * 2 ** (this.#failures - 1));
        this.#options.log.error(
          { err: error, pending: this.#queue.length, retryMs },
          "recording answers failed; will retry and reconcile",
        );
        this.#options.onMissed(new Set(batch.map((event) => event.messageId)));
        this.#schedule(retryMs);
        throw error;
      }
      this.#failures = 0;
      metrics.answerRecorded.inc(result.changed);
      this.#options.onRecorded(result);
    }
  }
}
