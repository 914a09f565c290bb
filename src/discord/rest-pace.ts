import { setTimeout as sleep } from "node:timers/promises";
import { DefaultRestOptions, type RESTOptions } from "discord.js";

/** Discord's global limit: requests per second per bot, across all its processes. */
const DISCORD_GLOBAL_PER_SECOND = 50;

/**
 * What one process sends by default: a margin under the global limit, shared by the processes that run
 * the bot's shards in proportion to the shards each runs.
 */
export function defaultRequestsPerSecond(
  shards: { ids: readonly number[]; count: number } | undefined,
): number {
  const share = shards ? shards.ids.length / shards.count : 1;
  return 0.9 * DISCORD_GLOBAL_PER_SECOND * share;
}

/**
 * Interaction responses and follow-ups (the interaction's webhook) are not under the global limit, and a
 * member is waiting for them: they never wait for a turn.
 */
const outsideGlobalLimit = /\/(interactions\/\d+\/[^/]+\/callback|webhooks\/\d+\/[^/?]+)/;

/**
 * Sends requests at most `perSecond` a second, evenly spaced. discord.js counts the global limit in
 * one-second windows and sends a window's requests at once; Discord's second does not start when
 * discord.js's does, so two such bursts can fall into one of Discord's seconds and draw a global 429.
 * Requests spaced evenly under the limit fit any second, wherever it starts. Route limits (per channel)
 * stay with discord.js, which queues each bucket before a request reaches here.
 *
 * The spacing follows a schedule of slots `1 / perSecond` apart (a virtual clock, as in GCRA), so a
 * timer firing a millisecond late does not slow every later request; a request may go up to a quarter
 * of a slot early to absorb that. After an idle spell or a stall the schedule restarts from now, so
 * requests never catch up in a burst.
 */
export function pacedRequests(
  perSecond: number,
  options: { send?: RESTOptions["makeRequest"]; waited?: (seconds: number) => void } = {},
): RESTOptions["makeRequest"] {
  const { send = DefaultRestOptions.makeRequest, waited } = options;
  const slotMs = 1000 / perSecond;
  const earlyMs = slotMs / 4;
  let nextSlot = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();
  const turn = (): Promise<void> => {
    queue = queue.then(async () => {
      for (let waitMs = nextSlot - earlyMs - performance.now(); waitMs > 0; ) {
        await sleep(Math.ceil(waitMs));
        waitMs = nextSlot - earlyMs - performance.now();
      }
      nextSlot = Math.max(nextSlot, performance.now()) + slotMs;
    });
    return queue;
  };
  return async (url, init) => {
    if (!outsideGlobalLimit.test(url)) {
      const askedAt = performance.now();
      await turn();
      waited?.((performance.now() - askedAt) / 1000);
    }
    return send(url, init);
  };
}
