import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/rows.js";
import { guildDepartures, guildSettings, memberCertifications } from "../../src/db/schema.js";
import {
  freshId,
  seedClosedPosting,
  seedGroup,
  seedMemberStats,
  seedQuestion,
  seedQuizChannel,
} from "../stats/seed.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

const dayMs = 86_400_000;

/** Rows of a server across the tables that hold per-server data. */
async function serverRows(world: TestWorld, guildId: string): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    world.database.db,
    sql`select (select count(*) from quiz_channels where guild_id = ${guildId})
      + (select count(*) from postings p join quiz_channels q on q.id = p.quiz_channel_id where q.guild_id = ${guildId})
      + (select count(*) from member_stats where guild_id = ${guildId})
      + (select count(*) from study_groups where guild_id = ${guildId})
      + (select count(*) from guild_settings where guild_id = ${guildId}) as n`,
  );
  return Number(row?.n);
}

async function seedServer(world: TestWorld, guildId: string, userId: string) {
  const db = world.database.db;
  await db.insert(guildSettings).values({ guildId, timeZone: "Europe/Paris" });
  const channel = await seedQuizChannel(db, guildId);
  await seedQuestion(db, "retention-q");
  await seedClosedPosting(db, channel.id, "2026-11-20", "2026-11-21T00:00:00Z", "retention-q", {
    [userId]: "A",
  });
  await seedMemberStats(db, guildId, { [userId]: { points: 1 } });
  await seedGroup(db, guildId, "Owls", [userId]);
}

async function departure(world: TestWorld) {
  const [row] = await world.database.db
    .select()
    .from(guildDepartures)
    .where(eq(guildDepartures.guildId, world.guild.id));
  return row;
}

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const value = await probe();
    if (done(value) || attempt > 400) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("a server that removes the bot", () => {
  let world: TestWorld;
  const member = freshId();
  const otherServer = freshId();

  beforeAll(async () => {
    world = await startTestWorld({ env: { GUILD_DATA_RETENTION_DAYS: "30" } });
    await seedServer(world, world.guild.id, member);
    await seedServer(world, otherServer, member);
    await world.database.db
      .insert(memberCertifications)
      .values({ userId: member, certCode: "AIP-C01", earnedOn: "2026-01-01", expiresOn: "2029-01-01" });
  });
  afterAll(() => world.close());

  it("keeps its data through the retention period, and for good when the bot is added back", async () => {
    const seeded = await serverRows(world, world.guild.id);
    world.guild.removeBot();
    const scheduled = await waitFor(
      () => departure(world),
      (row) => row !== undefined,
    );
    expect(scheduled?.purgeAfter.getTime()).toBe(world.clock.now().getTime() + 30 * dayMs);

    world.clock.advance(29 * dayMs);
    await world.bot.scheduler.tick();
    expect(await serverRows(world, world.guild.id)).toBe(seeded);

    world.guild.addBot();
    expect(
      await waitFor(
        () => departure(world),
        (row) => row === undefined,
      ),
    ).toBeUndefined();
    world.clock.advance(2 * dayMs);
    await world.bot.scheduler.tick();
    expect(await serverRows(world, world.guild.id)).toBe(seeded);
  });

  it("loses its data once the retention period has passed, and no other server loses anything", async () => {
    const otherBefore = await serverRows(world, otherServer);
    world.guild.removeBot();
    await waitFor(
      () => departure(world),
      (row) => row !== undefined,
    );
    world.clock.advance(30 * dayMs);
    await world.bot.scheduler.tick();

    expect(await serverRows(world, world.guild.id)).toBe(0);
    expect(await departure(world)).toBeUndefined();
    expect(await serverRows(world, otherServer)).toBe(otherBefore);
    // Certifications are the member's, not the server's.
    const certs = await world.database.db
      .select()
      .from(memberCertifications)
      .where(eq(memberCertifications.userId, member));
    expect(certs).toHaveLength(1);
  });
});
