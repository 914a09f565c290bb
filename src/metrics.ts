import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * Every metric the bot exports, in one place: code records an event with `metrics.postingPosted.inc()`,
 * and `/metrics` (src/health.ts) serves `metricsRegistry`. Names follow Prometheus conventions
 * (`_total` counters, `_seconds` histograms); labels stay few so that series stay few.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const registers = [metricsRegistry];

export const metrics = {
  /** A member's answer was stored (each reaction change that changed an answer). */
  answerRecorded: new Counter({
    name: "certbot_answers_recorded_total",
    help: "Answers recorded from members' reactions",
    registers,
  }),
  postingPosted: new Counter({
    name: "certbot_postings_posted_total",
    help: "Daily questions posted in a quiz channel",
    registers,
  }),
  postingClosed: new Counter({
    name: "certbot_postings_closed_total",
    help: "Questions closed and scored",
    registers,
  }),
  postingRevealed: new Counter({
    name: "certbot_postings_revealed_total",
    help: "Reveals (answer and explanations) posted",
    registers,
  }),
  /** Posting or revealing failed on Discord's side (the quiz retries with backoff). */
  quizPublishFailed: new Counter({
    name: "certbot_quiz_publish_failures_total",
    help: "Failed attempts to post a question or a reveal, by stage",
    labelNames: ["stage"] as const,
    registers,
  }),
  commandDuration: new Histogram({
    name: "certbot_command_duration_seconds",
    help: "Time from receiving a slash command to finishing its handler, by command",
    labelNames: ["command"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30],
    registers,
  }),
  discordRestError: new Counter({
    name: "certbot_discord_rest_errors_total",
    help: "Discord REST responses with an error status, by route and status",
    labelNames: ["route", "method", "status"] as const,
    registers,
  }),
  discordPaceWait: new Histogram({
    name: "certbot_discord_pace_wait_seconds",
    help: "Time a Discord request waited for its turn under the bot's share of the global limit",
    buckets: [0.01, 0.05, 0.25, 1, 5, 15, 60, 300],
    registers,
  }),
  discordRateLimited: new Counter({
    name: "certbot_discord_rate_limits_total",
    help: "Discord rate limits met, by route: waited out before sending, or answered 429",
    labelNames: ["route", "method", "kind"] as const,
    registers,
  }),
  databaseError: new Counter({
    name: "certbot_database_errors_total",
    help: "Logged failures caused by the database: unreachable, or a failing statement",
    labelNames: ["kind"] as const,
    registers,
  }),
  gatewayReconnect: new Counter({
    name: "certbot_gateway_reconnects_total",
    help: "Times the Discord gateway connection closed and the bot reconnected",
    registers,
  }),
};

// Answer every label combination the alerts read with 0 from the start, so `increase()` works at once.
for (const stage of ["post", "reveal"]) metrics.quizPublishFailed.labels(stage).inc(0);
for (const kind of ["unavailable", "statement"]) metrics.databaseError.labels(kind).inc(0);
