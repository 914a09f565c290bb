import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "../../src/discord-server/index.js";
import { freshId, seedDomainStats, seedMemberStats } from "../stats/seed.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

describe("/stats through Discord", () => {
  let world: TestWorld;
  let channelId: string;
  let ada: Member;
  let bob: Member;

  beforeAll(async () => {
    world = await startTestWorld();
    const { db } = world.database;
    channelId = world.guild.createTextChannel({ name: "study" }).id;
    ada = world.guild.addMember({ username: "ada" });
    bob = world.guild.addMember({ username: "bob" });
    await seedMemberStats(db, world.guild.id, { [ada.id]: { points: 9, answered: 12, streak: 2 } });
    await seedDomainStats(db, world.guild.id, ada.id, "AIP-C01", { 1: [6, 3], 2: [4, 4], 3: [2, 2] });
    await seedMemberStats(db, freshId(), { [bob.id]: { points: 70, answered: 80 } });
  });
  afterAll(() => world.close());

  it("shows points, streaks, accuracy per domain next to its weight, readiness and a chart", async () => {
    const reply = await bob.runCommand(world.guild.id, channelId, "stats", { member: ada.id });
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds[0];
    expect(embed?.title).toBe("Stats · ada");
    expect(embed?.fields?.slice(0, 3)).toEqual([
      { name: "Points", value: "9", inline: true },
      { name: "Accuracy", value: "75% of 12", inline: true },
      { name: "Streak", value: "2 (best 2)", inline: true },
    ]);
    const readiness = embed?.fields?.[3];
    expect(readiness?.name).toBe("AIP-C01 readiness");
    // Twelve answers are too few for a projection that means anything: the reply says how many are needed.
    expect(readiness?.value).toContain("A projected score appears after 20 answers on AIP-C01 (12 so far).");
    expect(readiness?.value).not.toContain("Projected");
    expect(readiness?.value).toContain("(weight 31%): **50%** of 6");
    expect(readiness?.value).toContain("(weight 12%): —");
    expect(readiness?.value).toContain("Weakest domain: **1. Foundation Model Integration");
    const [chart] = reply.attachments;
    expect(chart?.contentType ?? "image/png").toContain("png");
    expect(chart?.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(embed?.image?.url).toContain("domains.png");
  });

  it("projects a score once there are enough answers, and posts for everyone only when asked to", async () => {
    const cy = world.guild.addMember({ username: "cy" });
    const { db } = world.database;
    await seedMemberStats(db, world.guild.id, { [cy.id]: { points: 20, answered: 30, streak: 1 } });
    await seedDomainStats(db, world.guild.id, cy.id, "AIP-C01", {
      1: [10, 7],
      2: [8, 6],
      3: [6, 4],
      4: [3, 2],
      5: [3, 1],
    });
    const reply = await cy.runCommand(world.guild.id, channelId, "stats", { share: true });
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]?.fields?.[3]?.value).toMatch(
      /Projected \*\*\d+\*\* ± \d+ on 100–1000, (at or above|below) the pass mark of 750/,
    );
  });

  it("says so when a member has not answered here, even if they have elsewhere", async () => {
    const reply = await bob.runCommand(world.guild.id, channelId, "stats");
    expect(reply.content).toBe(`<@${bob.id}> has not answered a question in this server yet.`);
    expect(reply.attachments).toEqual([]);
  });
});
