import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberLimits } from "../../src/discord/member-limits.js";
import type { Member } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

/** One member cannot crowd out everyone else; the limit says when to try again, and others are unaffected. */
describe("per-member limits", () => {
  let world: TestWorld;
  let channelId: string;

  beforeAll(async () => {
    world = await startTestWorld({ questionsDir: "tests/fixtures/quiz-bank" });
    channelId = world.guild.createTextChannel({ name: "lounge" }).id;
  });
  afterAll(() => world.close());

  const run = (member: Member, name: string, options = {}) =>
    member.runCommand(world.guild.id, channelId, name, options);

  it("stops one member creating groups past the limit, with when to try again, and not the next member", async () => {
    const hoarder = world.guild.addMember({ username: "hoarder" });
    for (let n = 0; n < memberLimits.groupCreate.points; n += 1)
      expect((await run(hoarder, "group create", { name: `crew ${n}` })).content).toContain("Created");
    const refused = await run(hoarder, "group create", { name: "one too many" });
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(/You can create study groups 3 times per 1 hour; try again <t:\d+:R>\./);
    const other = world.guild.addMember({ username: "newcomer" });
    expect((await run(other, "group create", { name: "newcomers" })).content).toContain("Created");
  });

  it("stops one member flooding question reports, and groups reports by question for admins", async () => {
    const admin = world.guild.addMember({
      username: "moderator",
      permissions: PermissionFlagsBits.ManageGuild,
    });
    const flooder = world.guild.addMember({ username: "flooder" });
    for (let n = 0; n < memberLimits.report.points; n += 1) {
      const reply = await run(flooder, "question report", {
        question: "SNGL-C01 #001",
        reason: `complaint ${n}`,
      });
      expect(reply.content).toContain("is recorded");
    }
    const refused = await run(flooder, "question report", { question: "SNGL-C01 #001", reason: "again" });
    expect(refused.content).toMatch(/You can file question reports 5 times per 1 hour; try again <t:\d+:R>/);
    const careful = world.guild.addMember({ username: "careful" });
    await run(careful, "question report", { question: "SNGL-C01 #002", reason: "Option C's link is broken" });
    const list = (await run(admin, "question reports")).content;
    expect(list).toContain("**SNGL-C01 #001**");
    expect(list).toContain("5 reports");
    expect(list).toContain("**SNGL-C01 #002**");
    expect(list).toContain("Option C's link is broken");
    expect(list.split("\n").filter((line) => line.includes("complaint"))).toHaveLength(3);
  });

  it("stops one member rendering pictures back to back", async () => {
    const artist = world.guild.addMember({ username: "artist" });
    for (let n = 0; n < memberLimits.image.points; n += 1)
      expect((await run(artist, "renewal graph")).attachments).toHaveLength(1);
    const refused = await run(artist, "renewal graph");
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(/You can draw pictures 10 times per 60 seconds; try again <t:\d+:R>/);
  });
});
