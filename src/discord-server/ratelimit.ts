import { createHash } from "node:crypto";

/** Discord's rate limits, simulated with fixed windows that open at the first request. */

export interface WindowLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimitConfig {
  /** Requests per second per bot, across all routes except interaction callbacks (Discord: 50). */
  globalPerSecond: number;
  /** Messages created per channel (Discord: 5 per 5 s). */
  messages: WindowLimit;
  /** Reactions added or removed per channel (Discord: 1 per 0.25 s). */
  reactions: WindowLimit;
  /** Every other route, per route and major id. */
  other: WindowLimit;
}

export const DISCORD_RATE_LIMITS: RateLimitConfig = {
  globalPerSecond: 50,
  messages: { limit: 5, windowMs: 5_000 },
  reactions: { limit: 1, windowMs: 250 },
  other: { limit: 50, windowMs: 1_000 },
};

class FixedWindow {
  #start = 0;
  #used = 0;

  constructor(readonly spec: WindowLimit) {}

  /** Milliseconds to wait before a request may go, 0 if it may go now. */
  wait(now: number): number {
    if (now >= this.#start + this.spec.windowMs) return 0;
    return this.#used < this.spec.limit ? 0 : this.#start + this.spec.windowMs - now;
  }

  take(now: number): void {
    if (now >= this.#start + this.spec.windowMs) {
      this.#start = now;
      this.#used = 0;
    }
    this.#used += 1;
  }

  remaining(): number {
    return Math.max(0, this.spec.limit - this.#used);
  }

  resetAfterMs(now: number): number {
    return Math.max(0, this.#start + this.spec.windowMs - now);
  }
}

/** The most events seen within any `windowMs`, wherever the window starts. */
export class BusiestWindow {
  #times: number[] = [];
  #first = 0;
  #most = 0;

  constructor(readonly windowMs: number) {}

  /** Counts an event at `now` (ms, never decreasing) and returns the most so far. */
  add(now: number): number {
    this.#times.push(now);
    while ((this.#times[this.#first] ?? now) <= now - this.windowMs) this.#first += 1;
    this.#most = Math.max(this.#most, this.#times.length - this.#first);
    if (this.#first > 4_096) {
      this.#times = this.#times.slice(this.#first);
      this.#first = 0;
    }
    return this.#most;
  }

  /** Starts counting afresh, for the busiest window from now on. */
  reset(): void {
    this.#times = [];
    this.#first = 0;
    this.#most = 0;
  }
}

export interface BucketKey {
  /** "messages", "reactions", or the route pattern for the rest. */
  name: string;
  /** channel id, guild id or webhook id; "global" otherwise. */
  major: string;
  /** Interaction callbacks are not under the global limit. */
  global: boolean;
}

export type RateLimitVerdict =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; headers: Record<string, string>; retryAfterMs: number; scope: "user" | "global" };

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

export class RateLimiter {
  readonly #buckets = new Map<string, FixedWindow>();
  readonly #global: FixedWindow;

  constructor(readonly config: RateLimitConfig) {
    this.#global = new FixedWindow({ limit: config.globalPerSecond, windowMs: 1_000 });
  }

  /** Count a request, or refuse it with the headers of a 429. */
  check(key: BucketKey, now = Date.now()): RateLimitVerdict {
    const bucket = this.#bucket(key);
    const routeWait = bucket.wait(now);
    const globalWait = key.global ? this.#global.wait(now) : 0;
    const hash = createHash("sha1").update(key.name).digest("hex").slice(0, 16);
    if (globalWait > 0) {
      const headers = {
        "Retry-After": seconds(globalWait),
        "X-RateLimit-Global": "true",
        "X-RateLimit-Scope": "global",
      };
      return { ok: false, headers, retryAfterMs: globalWait, scope: "global" };
    }
    if (routeWait > 0) {
      const headers = {
        ...this.#headers(bucket, hash, now),
        "Retry-After": seconds(routeWait),
        "X-RateLimit-Scope": "user",
      };
      return { ok: false, headers, retryAfterMs: routeWait, scope: "user" };
    }
    bucket.take(now);
    if (key.global) this.#global.take(now);
    return { ok: true, headers: this.#headers(bucket, hash, now) };
  }

  #bucket(key: BucketKey): FixedWindow {
    const id = `${key.name}:${key.major}`;
    let bucket = this.#buckets.get(id);
    if (!bucket) {
      const spec =
        key.name === "messages" || key.name === "reactions" ? this.config[key.name] : this.config.other;
      bucket = new FixedWindow(spec);
      this.#buckets.set(id, bucket);
    }
    return bucket;
  }

  #headers(bucket: FixedWindow, hash: string, now: number): Record<string, string> {
    const resetAfter = bucket.resetAfterMs(now);
    return {
      "X-RateLimit-Limit": String(bucket.spec.limit),
      "X-RateLimit-Remaining": String(bucket.remaining()),
      "X-RateLimit-Reset": seconds(now + resetAfter),
      "X-RateLimit-Reset-After": seconds(resetAfter),
      "X-RateLimit-Bucket": hash,
    };
  }
}
