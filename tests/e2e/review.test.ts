import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "../../src/discord-server/index.js";
import { freshId, seedClosedPosting, seedQuestion, seedQuizChannel } from "../stats/seed.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

describe("/review through Discord", () => {
  let world: TestWorld;
  let channelId: string;
  let ada: Member;

  beforeAll(async () => {
    world = await startTestWorld();
    const { db } = world.database;
    channelId = world.guild.createTextChannel({ name: "study" }).id;
    ada = world.guild.addMember({ username: "ada" });
    const channel = await seedQuizChannel(db, world.guild.id);
    const elsewhere = await seedQuizChannel(db, freshId());
    for (const id of ["e2e-review-1", "e2e-review-2", "e2e-review-3"]) await seedQuestion(db, id);
    await seedClosedPosting(db, channel.id, "2026-11-20", "2026-11-21T09:00:00Z", "e2e-review-1", {
      [ada.id]: "B",
    });
    await seedClosedPosting(db, channel.id, "2026-11-21", "2026-11-22T09:00:00Z", "e2e-review-2", {
      [ada.id]: "A",
    });
    await seedClosedPosting(db, elsewhere.id, "2026-11-22", "2026-11-23T09:00:00Z", "e2e-review-3", {
      [ada.id]: "C",
    });
  });
  afterAll(() => world.close());

  it("shows the member, privately, the questions they missed here with the answer and why", async () => {
    const reply = await ada.runCommand(world.guild.id, channelId, "review", { count: 5 });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe("Your last 1 missed question, newest first:");
    expect(reply.embeds).toHaveLength(1);
    const [embed] = reply.embeds;
    expect(embed?.title).toBe("AIP-C01 · 2026-11-20 · you answered B");
    expect(embed?.description).toContain("✅ **A** Aurora pgvector");
    expect(embed?.description).toContain("❌ **B** DynamoDB");
    expect(embed?.description).toContain("**Answer: A**");
    expect(embed?.description).toContain("**A** — Aurora PostgreSQL with pgvector");
    expect(embed?.description).toContain("**B** — DynamoDB has no vector search.");
    expect(world.server.messages(channelId)).toEqual([]);
  });

  it("tells a member with nothing missed that there is nothing to review", async () => {
    const bob = world.guild.addMember({ username: "bob" });
    const reply = await bob.runCommand(world.guild.id, channelId, "review");
    expect(reply).toMatchObject({
      ephemeral: true,
      content: "Nothing to review: you have not missed a question in this server yet.",
    });
  });
});
