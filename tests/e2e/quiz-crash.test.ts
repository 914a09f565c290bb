import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.js";
import { answers, memberStats, postings } from "../../src/db/schema.js";
import { DiscordServer, type Member, type TestGuild } from "../../src/discord-server/index.js";
import { findQuestion } from "../../src/questions/find-question.js";
import { testToken } from "../support/bot.js";
import { type ChildBot, startChildBot } from "../support/child-bot.js";
import { openTestDatabase } from "../support/db.js";

const emoji: Record<string, string> = { A: "🇦", B: "🇧", C: "🇨", D: "🇩" };

// Two bot processes start one after the other: on a busy machine that alone can take most of a minute.
describe("a crash while members are answering", { timeout: 180_000 }, () => {
  let server: DiscordServer;
  let guild: TestGuild;
  let dataDir: string | undefined;
  let postgresDb: (Database & { url?: string }) | undefined;
  let bot: ChildBot | undefined;

  beforeAll(async () => {
    server = await DiscordServer.start({ token: testToken });
    guild = server.createGuild({ name: "crash-test" });
    if (process.env.DATABASE_URL) postgresDb = await openTestDatabase();
    else dataDir = await mkdtemp(join(tmpdir(), "certbot-crash-"));
  });
  afterAll(async () => {
    await bot?.kill().catch(() => {});
    await server.close();
    await postgresDb?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    DISCORD_TOKEN: testToken,
    DISCORD_API_URL: server.apiUrl,
    QUESTIONS_DIR: "tests/fixtures/quiz-bank",
    ...(postgresDb?.url ? { DATABASE_URL: postgresDb.url } : { DATA_DIR: dataDir ?? "" }),
  });

  it("loses no answer given before, during or after a kill -9, and scores each once", async () => {
    bot = await startChildBot(server, env());
    const channelId = guild.createTextChannel({ name: "daily" }).id;
    const admin = guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
    const setup = await admin.runCommand(guild.id, channelId, "quiz setup", {
      channel: channelId,
      time: "00:00",
      timezone: "UTC",
      exam: "SNGL-C01",
      window_hours: 24,
    });
    expect(setup.content).toContain("Set up");
    expect((await admin.runCommand(guild.id, channelId, "quiz post-now")).content).toContain("Posted");
    const question = await server.nextMessage(channelId);
    await expect.poll(() => server.message(question.id)?.reactions.length).toBe(4);

    const members: Member[] = Array.from({ length: 50 }, (_, n) =>
      guild.addMember({ username: `member${n}` }),
    );
    const finalChoice = new Map<string, string>();
    const react = async (member: Member, letter: string) => {
      await member.react(channelId, question.id, emoji[letter] ?? "");
      finalChoice.set(member.id, letter);
    };
    const letters = ["A", "B", "C", "D"];
    // 25 answer while the bot runs; the bot is killed while they are still coming in.
    const early = members.slice(0, 25).map((member, n) => react(member, letters[n % 4] ?? "A"));
    await Promise.all(early.slice(0, 20));
    await bot.kill();
    await Promise.all(early);
    // While it is down: 25 more answer, and 5 of the first change their minds.
    for (const [n, member] of members.slice(25).entries()) await react(member, letters[(n + 1) % 4] ?? "A");
    for (const member of members.slice(0, 5)) {
      const previous = finalChoice.get(member.id) ?? "A";
      await member.unreact(channelId, question.id, emoji[previous] ?? "");
      await react(member, previous === "D" ? "A" : "D");
    }

    bot = await startChildBot(server, env());
    expect((await admin.runCommand(guild.id, channelId, "quiz close-now")).content).toContain(
      "Closed the open question",
    );
    const reveal = await server.nextMessage(channelId);
    expect(reveal.embeds[0]?.fields?.[0]?.value).toContain("50 members answered");
    expect(await bot.stop()).toBe(0);
    bot = undefined;

    const database = postgresDb ?? (await openDatabase({ dataDir: dataDir ?? "" }));
    try {
      const [posting] = await database.db.select().from(postings);
      const key = posting && (await findQuestion(database.db, posting.questionId))?.question.answer[0];
      const stored = await database.db.select().from(answers);
      expect(stored).toHaveLength(50);
      for (const answer of stored) {
        expect(answer.choices).toBe(finalChoice.get(answer.userId));
        expect(answer.correct).toBe(answer.choices === key);
      }
      const stats = await database.db.select().from(memberStats);
      expect(stats).toHaveLength(50);
      expect(stats.every((row) => row.answered === 1)).toBe(true);
      expect(stats.reduce((sum, row) => sum + row.points, 0)).toBe(stored.filter((a) => a.correct).length);
    } finally {
      if (!postgresDb) await database.close();
    }
  });
});
