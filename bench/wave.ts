// The posting wave: N quiz channels (one per server) due in the same minute, with the local Discord
// server enforcing Discord's limits (50 requests/s per bot; per channel 5 messages / 5 s and one reaction
// / 0.25 s). The bot's time is compared with the bound its own request count sets at 50 requests/s.
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { startBot } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { configureQuizChannel } from "../src/quiz/channels.js";
import { DiscordServer } from "../tests/support/discord/index.js";
import type { BenchDatabase } from "./databases.js";

const token = "bench-token";

export interface WaveFigure {
  phase: "posting" | "reveal";
  channels: number;
  seconds: number;
  requests: number;
  rateLimited: number;
  /** The most 429s any one bucket got (a route's bucket in one channel, or the global limit). */
  most429sInABucket: number;
  /** The buckets that got more than one 429, with their counts. */
  repeated: string[];
  /** The time 50 requests/s needs for the requests the bot made. */
  boundSeconds: number;
}

export async function postingWave(database: BenchDatabase, channels: number): Promise<WaveFigure[]> {
  const server = await DiscordServer.start({ token, rateLimits: true });
  const channelIds: { guildId: string; channelId: string }[] = [];
  for (let n = 0; n < channels; n += 1) {
    const guild = server.createGuild({ name: `wave-${n}` });
    channelIds.push({ guildId: guild.id, channelId: guild.createTextChannel({ name: "daily" }).id });
  }
  let now = new Date("2026-11-26T07:00:00Z");
  const bot = await startBot(
    parseConfig({
      DISCORD_TOKEN: token,
      DISCORD_API_URL: server.apiUrl,
      QUESTIONS_DIR: "questions",
      REGISTER_COMMANDS: "false",
    }),
    {
      clock: { now: () => new Date(now) },
      database: database.database,
      startTimer: false,
      log: pino({ level: "silent" }),
    },
  );
  let limitedBuckets = new Map<string, number>();
  bot.client.rest.on("response", (request, response) => {
    if (response.status !== 429) return;
    const channel = /\/channels\/(\d+)/.exec(request.path)?.[1] ?? "";
    const kind = /\/reactions\//.test(request.path) && request.method !== "GET" ? "reactions" : request.route;
    const key = response.headers.get("x-ratelimit-global")
      ? "global"
      : `${request.method} ${kind} ${channel}`;
    limitedBuckets.set(key, (limitedBuckets.get(key) ?? 0) + 1);
  });
  try {
    for (const { guildId, channelId } of channelIds) {
      await configureQuizChannel(
        bot.ctx.db,
        {
          guildId,
          channelId,
          exam: "AIP-C01",
          postTime: "08:00",
          timeZone: "UTC",
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          windowHours: 12,
          answerPolicy: "last",
          hiddenAnswers: false,
        },
        now,
      );
    }
    const figures: WaveFigure[] = [];
    const timed = async (phase: WaveFigure["phase"], at: string) => {
      now = new Date(at);
      const before = { ...server.stats };
      limitedBuckets = new Map();
      const started = performance.now();
      await bot.scheduler.tick();
      const seconds = (performance.now() - started) / 1000;
      const requests = server.stats.requests - before.requests;
      figures.push({
        phase,
        channels,
        seconds,
        requests,
        rateLimited: server.stats.rateLimited - before.rateLimited,
        most429sInABucket: Math.max(0, ...limitedBuckets.values()),
        repeated: [...limitedBuckets]
          .filter(([, count]) => count > 1)
          .map(([key, count]) => `${key}: ${count}`),
        boundSeconds: requests / 50,
      });
    };
    await timed("posting", "2026-11-26T08:00:10Z");
    await timed("reveal", "2026-11-26T20:00:10Z");
    return figures;
  } finally {
    await bot.stop();
    await server.close();
  }
}
