import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "./context.js";
import type { Logger } from "./log.js";

/** A piece of periodic work; the database, not the scheduler, decides what is due. */
export interface Job {
  name: string;
  run(now: Date): Promise<void>;
}

export interface Scheduler {
  /** Runs every job once now, then once a minute. */
  start(): void;
  /** Runs every job once, after any tick in progress (tests and the playground's clock use it). */
  tick(): Promise<void>;
  /** Stops the minute timer and waits for the ticks in progress or waiting to finish. */
  stop(): Promise<void>;
}

export function createScheduler(jobs: readonly Job[], clock: Clock, log: Logger): Scheduler {
  let task: ScheduledTask | undefined;
  /** The last tick asked for: each tick starts only after the one before it has finished. */
  let last: Promise<void> = Promise.resolve();
  /** A tick asked for but not started yet. */
  let waiting: Promise<void> | undefined;

  async function runJobs(): Promise<void> {
    const now = clock.now();
    for (const job of jobs) {
      try {
        await job.run(now);
      } catch (error) {
        // A failing job (database outage, Discord error) must not stop the others or the timer.
        log.error({ err: error, job: job.name }, "scheduled job failed");
      }
    }
  }

  /**
   * Ticks never overlap: while one runs, a tick asked for waits for it. Several asked for meanwhile
   * share that one waiting tick: it reads the clock when it starts, so it sees what each would have.
   */
  function tick(): Promise<void> {
    if (waiting) return waiting;
    const next = last.then(() => {
      waiting = undefined;
      return runJobs();
    });
    waiting = next;
    last = next;
    return next;
  }

  return {
    start() {
      task = cron.schedule("* * * * *", () => tick(), { noOverlap: true, name: "tick" });
      void tick();
    },
    tick,
    async stop() {
      await task?.stop();
      await task?.destroy();
      await last;
    },
  };
}
