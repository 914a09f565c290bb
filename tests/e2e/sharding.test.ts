import { setTimeout as sleep } from "node:timers/promises";
import { PermissionFlagsBits } from "discord.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { answers, certificationReminders, postings, quizChannels } from "../../src/db/schema.js";
import { DiscordServer, type Member, type TestGuild } from "../../src/discord-server/index.js";
import { shardOfGuild } from "../../src/shards.js";
import { testToken } from "../support/bot.js";
import { type ClockedBot, startClockedBot } from "../support/clocked-bot.js";
import { openTestDatabase } from "../support/db.js";

const letters = ["🇦", "🇧", "🇨", "🇩"] as const;

interface Place {
  guild: TestGuild;
  shard: number;
  channelId: string;
  members: Member[];
}

// Several processes share one database only on Postgres: the embedded database serves a single process.
describe.skipIf(!process.env.DATABASE_URL)("two shards in two processes over one Postgres", () => {
  let server: DiscordServer;
  let database: Database & { url?: string };
  const bots: (ClockedBot | undefined)[] = [];

  const env = (shard: number, extra: Record<string, string> = {}) => ({
    DISCORD_TOKEN: testToken,
    DISCORD_API_URL: server.apiUrl,
    DATABASE_URL: database.url ?? "",
    QUESTIONS_DIR: "tests/fixtures/quiz-bank",
    SHARDS: String(shard),
    TEST_CLOCK_START: "2026-11-26T00:00:00Z",
    ...extra,
  });
  // Shard 0 is told the count; shard 1 takes Discord's recommendation from /gateway/bot.
  const start = (shard: number) => startClockedBot(env(shard, shard === 0 ? { SHARD_COUNT: "2" } : {}));
  const tickAll = async (at: string) => {
    for (const bot of bots) await bot?.tick(at);
  };
  const questionsIn = (place: Place) =>
    server.messages(place.channelId).filter((m) => m.embeds[0]?.description?.includes("React with"));
  const botMessages = (place: Place) =>
    server.messages(place.channelId).filter((m) => m.authorId === server.bot.id);

  /** Four new guilds of the test's own, two on each shard, each with a channel and three members. */
  async function newPlaces(): Promise<Place[]> {
    const places: Place[] = [];
    // A guild's shard comes from its id's timestamp, so spread their creation.
    const onShard = [0, 0];
    while ((onShard[0] ?? 0) < 2 || (onShard[1] ?? 0) < 2) {
      const guild = server.createGuild({ name: `group-${places.length}` });
      const shard = shardOfGuild(guild.id, 2);
      if ((onShard[shard] ?? 0) >= 2) {
        await sleep(1);
        continue;
      }
      onShard[shard] = (onShard[shard] ?? 0) + 1;
      const channelId = guild.createTextChannel({ name: "daily" }).id;
      const members = Array.from({ length: 3 }, (_, n) => guild.addMember({ username: `m${n}-${guild.id}` }));
      places.push({ guild, shard, channelId, members });
      await sleep(1);
    }
    return places;
  }

  /** An admin of each place sets up its daily question at 08:00 UTC, open for 12 hours. */
  async function setUpQuizzes(places: Place[]) {
    for (const place of places) {
      const admin = place.guild.addMember({
        username: "admin",
        permissions: PermissionFlagsBits.ManageGuild,
      });
      const reply = await admin.runCommand(place.guild.id, place.channelId, "quiz setup", {
        channel: place.channelId,
        time: "08:00",
        timezone: "UTC",
        exam: "SNGL-C01",
        window_hours: 12,
      });
      expect(reply.content).toContain("Set up");
    }
  }

  /** The bots' clocks move to `before`, then the test's own places are set up. */
  async function quizzesFrom(before: string): Promise<Place[]> {
    await tickAll(before);
    const places = await newPlaces();
    await setUpQuizzes(places);
    return places;
  }

  beforeAll(async () => {
    server = await DiscordServer.start({ token: testToken, recommendedShards: 2 });
    database = await openTestDatabase();
    // One after the other, as docs/SCALING.md asks: each start applies migrations and syncs the bank.
    bots[0] = await start(0);
    bots[1] = await start(1);
  });
  afterAll(async () => {
    for (const bot of bots) await bot?.stop();
    await server.close();
    await database.close();
  });

  it("connects each process to its own shard and routes each guild's commands to it", async () => {
    expect(bots.map((bot) => [bot?.shards, bot?.shardCount])).toEqual([
      [[0], 2],
      [[1], 2],
    ]);
    const places = await newPlaces();
    await setUpQuizzes(places);
    const channels = new Set(places.map((place) => place.channelId));
    const stored = await database.db.select().from(quizChannels);
    expect(stored.filter((row) => channels.has(row.channelId))).toHaveLength(4);
  });

  it("posts and reveals every channel once a day, each by its own shard, and reminds once", async () => {
    const places = await quizzesFrom("2026-11-26T07:00:00Z");
    // A certification that expires in 90 days, added in a guild of each shard.
    const reminded = [places.find((p) => p.shard === 0), places.find((p) => p.shard === 1)];
    for (const place of reminded) {
      const member = place?.members[0];
      if (!place || !member) throw new Error("no guild on a shard");
      await member.runCommand(place.guild.id, place.channelId, "certs add", {
        cert: "SAA",
        earned: "2024-02-24",
      });
      // Reminders are off until a member turns them on.
      await member.runCommand(place.guild.id, place.channelId, "certs reminders", { state: "on" });
    }
    for (const day of ["2026-11-26", "2026-11-27"]) {
      await tickAll(`${day}T08:00:30Z`);
      for (const place of places) {
        const [question] = questionsIn(place).slice(-1);
        if (!question) throw new Error(`no question in guild ${place.guild.name} on ${day}`);
        await expect.poll(() => server.message(question.id)?.reactions.length).toBe(4);
        for (const [n, member] of place.members.entries())
          await member.react(place.channelId, question.id, letters[n] ?? "🇦");
      }
      await tickAll(`${day}T23:30:00Z`);
    }
    for (const place of places) {
      // Two days: a question and its reveal each, nothing twice.
      expect(botMessages(place)).toHaveLength(4);
      expect(questionsIn(place)).toHaveLength(2);
    }
    for (const place of reminded) expect(place?.members[0]?.directMessages()).toHaveLength(1);
    const remindedIds = new Set(reminded.map((place) => place?.members[0]?.id));
    const claimed = await database.db.select().from(certificationReminders);
    expect(claimed.filter((row) => remindedIds.has(row.userId))).toHaveLength(2);
  });

  it("loses nothing when a shard's process is killed and started again", async () => {
    const places = await quizzesFrom("2026-11-28T07:00:00Z");
    const day = "2026-11-28";
    const lost = places.filter((place) => place.shard === 1);
    const kept = places.filter((place) => place.shard === 0);
    await tickAll(`${day}T08:00:30Z`);
    const question = new Map(places.map((place) => [place, questionsIn(place).at(-1)?.id ?? ""]));
    for (const place of places)
      await expect.poll(() => server.message(question.get(place) ?? "")?.reactions.length).toBe(4);

    // Shard 1's process dies while its members answer, and more answer while it is down.
    const [first, second] = lost.flatMap((place) => place.members.map((member) => ({ place, member })));
    if (!first || !second) throw new Error("too few members");
    await first.member.react(first.place.channelId, question.get(first.place) ?? "", "🇧");
    await bots[1]?.kill();
    bots[1] = undefined;
    for (const { place, member } of lost.flatMap((p) => p.members.map((member) => ({ place: p, member }))))
      if (member !== first.member) await member.react(place.channelId, question.get(place) ?? "", "🇨");
    await second.member.unreact(second.place.channelId, question.get(second.place) ?? "", "🇨");
    await second.member.react(second.place.channelId, question.get(second.place) ?? "", "🇩");

    // The next day comes with shard 1 still down: shard 0 does its own guilds' work and nothing of shard 1's.
    const next = "2026-11-29";
    await tickAll(`${day}T23:30:00Z`);
    await tickAll(`${next}T08:00:30Z`);
    for (const place of kept) expect(questionsIn(place)).toHaveLength(2);
    // Only the killed day's question: its reveal and the next question wait for shard 1.
    for (const place of lost) expect(botMessages(place)).toHaveLength(1);

    bots[1] = await start(1);
    await tickAll(`${next}T08:00:30Z`);
    for (const place of lost) {
      expect(questionsIn(place)).toHaveLength(2);
      expect(botMessages(place)).toHaveLength(3);
    }
    for (const place of places) {
      const rows = await database.db
        .select({ posting: postings, channel: quizChannels })
        .from(postings)
        .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
        .where(eq(quizChannels.channelId, place.channelId));
      expect(rows.map((row) => row.posting.localDate).sort()).toEqual(["2026-11-28", "2026-11-29"]);
      const killedDay = rows.find((row) => row.posting.localDate === day)?.posting;
      expect(killedDay?.revealedAt).toBeInstanceOf(Date);
      const recorded = await database.db
        .select()
        .from(answers)
        .where(eq(answers.postingId, killedDay?.id ?? 0));
      const expected = place.shard === 1 ? place.members.length : 0;
      expect(recorded).toHaveLength(expected);
      if (place.shard === 1) {
        const choice = (userId: string) => recorded.find((row) => row.userId === userId)?.choices;
        for (const member of place.members)
          expect(choice(member.id)).toBe(
            member === first.member ? "B" : member === second.member ? "D" : "C",
          );
      }
    }
  });
});
