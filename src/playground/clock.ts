import type { Clock } from "../context.js";

/** The playground's time: the real clock plus an offset the page moves forward ("advance a day"). */
export class PlaygroundClock implements Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  advance(ms: number): void {
    this.#offsetMs += Math.max(0, ms);
  }

  /** Move forward to `instant` (never back: the bot's claims assume time only moves on). */
  advanceTo(instant: Date): void {
    this.advance(instant.getTime() - this.now().getTime());
  }
}
