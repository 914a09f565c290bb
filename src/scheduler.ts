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
  /** Runs every job once, now (tests and `/quiz post-now` use it). */
  tick(): Promise<void>;
  /** Stops the minute timer and waits for a tick in progress to finish. */
  stop(): Promise<void>;
}

export function createScheduler(jobs: readonly Job[], clock: Clock, log: Logger): Scheduler {
  let task: ScheduledTask | undefined;
  let running: Promise<void> | undefined;

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

  function tick(): Promise<void> {
    // Ticks never overlap: a slow tick makes the next one wait for it instead of running twice.
    running = (running ?? Promise.resolve()).then(runJobs).finally(() => {
      running = undefined;
    });
    return running;
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
      await running;
    },
  };
}
