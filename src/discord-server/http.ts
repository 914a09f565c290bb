import type { IncomingMessage, ServerResponse } from "node:http";
import { parseRequest, readBody } from "./body.js";
import type { ServerContext } from "./context.js";
import { HttpError } from "./errors.js";
import { BusiestWindow, DISCORD_RATE_LIMITS, type RateLimitConfig, RateLimiter } from "./ratelimit.js";
import { type RouteMatch, Router } from "./router.js";

/** The REST side: auth, injected faults, rate limits, body parsing, and the JSON answers. */

export interface RestStats {
  /** Requests that reached a known route. */
  requests: number;
  /** 429 answers from the simulated rate limits (not the injected ones). */
  rateLimited: number;
  /** Answers from `failNextRequests`. */
  injectedFailures: number;
  /** 429s per bucket ("global", or the bucket's name and major id), for benchmarks. */
  rateLimitedBuckets: Map<string, number>;
  /**
   * The most requests under the global limit that arrived within any one second, wherever the second
   * starts (Discord allows 50). Counted with or without simulated rate limits.
   */
  busiestSecond: number;
}

const API_PREFIX = "/api/v10";

export class RestApi {
  readonly router = new Router();
  readonly stats: RestStats = {
    requests: 0,
    rateLimited: 0,
    injectedFailures: 0,
    rateLimitedBuckets: new Map(),
    busiestSecond: 0,
  };
  readonly #lastSecond = new BusiestWindow(1_000);
  /** "METHOD /path" of every request no route matched. */
  readonly unknownRoutes: string[] = [];
  /** Exceptions thrown by a route handler (bugs in this server), answered with 500. */
  readonly errors: unknown[] = [];
  #limiter: RateLimiter | null = null;
  #failures = { count: 0, status: 500, retryAfterMs: 0 };

  constructor(
    private readonly ctx: ServerContext,
    private readonly token: string,
  ) {}

  setRateLimits(config: RateLimitConfig | boolean): void {
    this.#limiter = config === false ? null : new RateLimiter(config === true ? DISCORD_RATE_LIMITS : config);
  }

  resetBusiestSecond(): void {
    this.#lastSecond.reset();
    this.stats.busiestSecond = 0;
  }

  failNextRequests(count: number, status: number, retryAfterMs: number): void {
    this.#failures = { count, status, retryAfterMs };
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.ctx.origin);
    const method = req.method ?? "GET";
    if (method === "GET" && url.pathname.startsWith("/attachments/"))
      return this.#attachment(url.pathname, res);
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : null;
    const match = path === null ? null : this.router.match(method, path);
    if (!match) {
      this.unknownRoutes.push(`${method} ${url.pathname}`);
      return send(res, 404, { code: 0, message: "404: Not Found" });
    }
    if (match.route.options.auth !== false && req.headers.authorization !== `Bot ${this.token}`) {
      return send(res, 401, { code: 0, message: "401: Unauthorized" });
    }
    this.stats.requests += 1;
    const body = await readBody(req);
    if (bucketKey(match).global) this.stats.busiestSecond = this.#lastSecond.add(performance.now());
    if (this.#failures.count > 0) return this.#injectFailure(res);
    let headers: Record<string, string> = {};
    if (this.#limiter) {
      const verdict = this.#limiter.check(bucketKey(match));
      headers = verdict.headers;
      if (!verdict.ok) {
        this.stats.rateLimited += 1;
        const key = bucketKey(match);
        const bucket = verdict.scope === "global" ? "global" : `${key.name} ${key.major}`;
        this.stats.rateLimitedBuckets.set(bucket, (this.stats.rateLimitedBuckets.get(bucket) ?? 0) + 1);
        const retryAfter = verdict.retryAfterMs / 1000;
        const answer = {
          message: "You are being rate limited.",
          retry_after: retryAfter,
          global: verdict.scope === "global",
        };
        return send(res, 429, answer, headers);
      }
    }
    try {
      const request = await parseRequest(req, body, match, url.searchParams);
      const answer = await match.route.handler(request);
      return send(res, answer.status, answer.body, headers);
    } catch (error) {
      if (error instanceof HttpError)
        return send(res, error.status, { code: error.code, message: error.message }, headers);
      this.errors.push(error);
      return send(res, 500, { code: 0, message: "500: Internal Server Error" }, headers);
    }
  }

  #injectFailure(res: ServerResponse): void {
    const { status, retryAfterMs } = this.#failures;
    this.#failures.count -= 1;
    this.stats.injectedFailures += 1;
    if (status !== 429) {
      send(res, status, { code: 0, message: `${status}: injected failure` });
      return;
    }
    const seconds = (retryAfterMs / 1000).toFixed(3);
    const headers = { "Retry-After": seconds, "X-RateLimit-Scope": "shared" };
    send(
      res,
      429,
      { message: "You are being rate limited.", retry_after: retryAfterMs / 1000, global: false },
      headers,
    );
  }

  #attachment(path: string, res: ServerResponse): void {
    const [, , channelId, attachmentId] = path.split("/");
    const messages = this.ctx.state.channelMessages(channelId ?? "");
    const file = messages.flatMap((m) => m.attachments).find((a) => a.id === attachmentId);
    if (!file) {
      send(res, 404, { code: 0, message: "404: Not Found" });
      return;
    }
    res.writeHead(200, { "Content-Type": file.contentType, "Content-Length": file.bytes.length });
    res.end(file.bytes);
  }
}

function bucketKey(match: RouteMatch) {
  const name = match.route.options.bucket ?? match.route.pattern;
  return { name, major: match.major, global: match.route.options.auth !== false };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}
