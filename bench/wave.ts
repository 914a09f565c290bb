// The posting wave: N quiz channels (one per server) due in the same minute, with the local Discord
// server enforcing Discord's limits (50 requests/s per bot; per channel 5 messages / 5 s and one reaction
// / 0.25 s). The bot's time is compared with the bound its own request count sets at 50 requests/s.
import { performance } from "node:perf_hooks";
import { DISCORD_RATE_LIMITS, DiscordServer } from "../src/discord-server/index.js";
import { configureQuizChannel } from "../src/quiz/channels.js";
import { startClockedBot } from "../tests/support/clocked-bot.js";
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
  /** How many of the 429s were global. */
  global429s: number;
  /** The most requests under the global limit in any one second of the phase (Discord allows 50). */
  busiestSecond: number;
  /** The time 50 requests/s needs for the requests the bot made. */
  boundSeconds: number;
}

/**
 * The bot runs in its own process (as it would: Discord is elsewhere), on a clock the bench sets, over a
 * fresh Postgres database; the local Discord server runs here and counts requests and 429s per bucket.
 */
export async function postingWave(database: BenchDatabase, channels: number): Promise<WaveFigure[]> {
  if (!database.url) throw new Error("the wave runs the bot in its own process, so it needs Postgres");
  const server = await DiscordServer.start({ token, rateLimits: true });
  const channelIds: { guildId: string; channelId: string }[] = [];
  for (let n = 0; n < channels; n += 1) {
    const guild = server.createGuild({ name: `wave-${n}` });
    channelIds.push({ guildId: guild.id, channelId: guild.createTextChannel({ name: "daily" }).id });
  }
  const setUpAt = new Date("2026-11-26T07:00:00Z");
  for (const { guildId, channelId } of channelIds) {
    await configureQuizChannel(
      database.database.db,
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
      setUpAt,
    );
  }
  const bot = await startClockedBot({
    DISCORD_TOKEN: token,
    DISCORD_API_URL: server.apiUrl,
    DATABASE_URL: database.url,
    QUESTIONS_DIR: "questions",
    REGISTER_COMMANDS: "false",
    TEST_CLOCK_START: setUpAt.toISOString(),
  });
  try {
    const figures: WaveFigure[] = [];
    const timed = async (phase: WaveFigure["phase"], at: string) => {
      const before = { ...server.stats, rateLimitedBuckets: new Map(server.stats.rateLimitedBuckets) };
      server.resetBusiestSecond();
      const started = performance.now();
      await bot.tick(at);
      const seconds = (performance.now() - started) / 1000;
      const requests = server.stats.requests - before.requests;
      const limited = [...server.stats.rateLimitedBuckets]
        .map(([bucket, count]) => [bucket, count - (before.rateLimitedBuckets.get(bucket) ?? 0)] as const)
        .filter(([, count]) => count > 0);
      figures.push({
        phase,
        channels,
        seconds,
        requests,
        rateLimited: server.stats.rateLimited - before.rateLimited,
        most429sInABucket: Math.max(0, ...limited.map(([, count]) => count)),
        repeated: limited.filter(([, count]) => count > 1).map(([bucket, count]) => `${bucket}: ${count}`),
        global429s: limited.find(([bucket]) => bucket === "global")?.[1] ?? 0,
        busiestSecond: server.stats.busiestSecond,
        boundSeconds: requests / DISCORD_RATE_LIMITS.globalPerSecond,
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
