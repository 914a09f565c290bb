import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { createScheduler, type Job } from "../../src/scheduler.js";

/** A job that records how many of its runs are in progress at once and finishes when told to. */
function gatedJob() {
  const releases: Array<() => void> = [];
  let inProgress = 0;
  const seen = { runs: 0, mostAtOnce: 0 };
  const job: Job = {
    name: "gated",
    async run() {
      seen.runs += 1;
      inProgress += 1;
      seen.mostAtOnce = Math.max(seen.mostAtOnce, inProgress);
      await new Promise<void>((resolve) => releases.push(resolve));
      inProgress -= 1;
    },
  };
  const releaseAll = async () => {
    // Each release lets the next waiting tick start; keep releasing until nothing is left to run.
    for (let round = 0; round < 10; round += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      for (const release of releases.splice(0)) release();
    }
  };
  const releaseOne = () => releases.shift()?.();
  return { job, seen, releaseAll, releaseOne, started: () => releases.length };
}

async function eventuallyStarted(started: () => number): Promise<void> {
  for (let round = 0; round < 100 && started() === 0; round += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(started()).toBeGreaterThan(0);
}

const clock = { now: () => new Date("2026-12-02T08:00:00Z") };
const log = createLogger("silent");

describe("the scheduler's ticks", () => {
  it("never run at once: a tick asked for during another waits for it, however many are asked for", async () => {
    const { job, seen, releaseAll, started } = gatedJob();
    const scheduler = createScheduler([job], clock, log);
    const first = scheduler.tick();
    await eventuallyStarted(started);
    const second = scheduler.tick();
    const third = scheduler.tick();
    await releaseAll();
    await Promise.all([first, second, third]);
    // Before, the first tick's end cleared the guard while the second ran, and the third ran beside it.
    expect(seen.mostAtOnce).toBe(1);
    // The second and third were asked for while the first ran: they share one tick after it.
    expect(seen.runs).toBe(2);
    expect(third).toBe(second);
  });

  it("runs a tick asked for while the waiting one has started, once that one finishes", async () => {
    const { job, seen, releaseAll, started, releaseOne } = gatedJob();
    const scheduler = createScheduler([job], clock, log);
    const first = scheduler.tick();
    await eventuallyStarted(started);
    const second = scheduler.tick();
    releaseOne(); // the first ends; the second starts
    await eventuallyStarted(started);
    const third = scheduler.tick(); // asked for while the second runs: a tick of its own, after it
    expect(third).not.toBe(second);
    await releaseAll();
    await Promise.all([first, second, third]);
    expect(seen.mostAtOnce).toBe(1);
    expect(seen.runs).toBe(3);
  });

  it("keeps ticking after a job fails, and stop() waits for the tick in progress", async () => {
    const { job, seen, releaseAll } = gatedJob();
    const failing: Job = {
      name: "failing",
      run: () => Promise.reject(new Error("database unavailable")),
    };
    const scheduler = createScheduler([failing, job], clock, log);
    const tick = scheduler.tick();
    let stopped = false;
    const stop = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    await releaseAll();
    await Promise.all([tick, stop]);
    expect(seen.runs).toBe(1);
    expect(stopped).toBe(true);
  });
});
