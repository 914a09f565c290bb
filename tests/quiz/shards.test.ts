import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { configureQuizChannel, quizChannelsOnShards } from "../../src/quiz/channels.js";
import { ownsGuild, parseShardList, shardOfGuild } from "../../src/shards.js";
import { openTestDatabase } from "../support/db.js";

/** A guild id whose creation time (the bits above 22) is `ms`: its shard of n is ms % n. */
const guildAt = (ms: number) => (BigInt(ms) << 22n).toString();

describe("shards", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("reads shard lists as ranges or as the JSON discord.js's ShardingManager passes", () => {
    expect(parseShardList("0-3,7")).toEqual([0, 1, 2, 3, 7]);
    expect(parseShardList("[1,0]")).toEqual([0, 1]);
    expect(() => parseShardList("3-1")).toThrow(/backwards/);
    expect(() => parseShardList("one")).toThrow(/shard numbers/);
  });

  it("puts a guild on shard (id >> 22) % count, and direct messages on shard 0", () => {
    expect(shardOfGuild(guildAt(1_000_000_005), 4)).toBe(1);
    expect(ownsGuild({ count: 4, ids: [1] }, guildAt(1_000_000_005))).toBe(true);
    expect(ownsGuild({ count: 4, ids: [1] }, null)).toBe(false);
    expect(ownsGuild(undefined, guildAt(7))).toBe(true);
  });

  it("lists only the quiz channels of the process's shards, in SQL", async () => {
    const now = new Date("2026-11-26T00:00:00Z");
    for (const ms of [1_000_000_000, 1_000_000_001, 1_000_000_002, 1_000_000_003]) {
      await configureQuizChannel(
        database.db,
        {
          guildId: guildAt(ms),
          channelId: String(ms),
          exam: "SNGL-C01",
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
    const channelsOn = async (ids: number[]) =>
      (await quizChannelsOnShards(database.db, { count: 2, ids })).map((channel) => channel.channelId);
    expect(await channelsOn([0])).toEqual(["1000000000", "1000000002"]);
    expect(await channelsOn([1])).toEqual(["1000000001", "1000000003"]);
    expect(await quizChannelsOnShards(database.db, undefined)).toHaveLength(4);
  });
});
