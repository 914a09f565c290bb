import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "../support/bot.js";
import type { Member } from "../support/discord/index.js";

describe("the bot on a Discord-compatible server", () => {
  let world: TestWorld;
  let member: Member;
  let channelId: string;

  beforeAll(async () => {
    world = await startTestWorld();
    channelId = world.guild.createTextChannel({ name: "study" }).id;
    member = world.guild.addMember({ username: "ada" });
  });
  afterAll(() => world.close());

  it("logs in and registers every slash command", () => {
    const names = world.server.commands().map((command) => command.name);
    expect(names).toEqual(expect.arrayContaining(["help", "question"]));
    expect(world.server.unknownRoutes).toEqual([]);
  });

  it("answers /help privately with every command it understands", async () => {
    const reply = await member.runCommand(world.guild.id, channelId, "help");
    expect(reply.ephemeral).toBe(true);
    const text = reply.embeds[0]?.description ?? "";
    expect(text).toContain("reacting");
    expect(text).toContain("`/help`");
    expect(text).toContain("`/question preview`");
  });

  it("previews a question and its reveal for an admin, exactly as posted, visible only to them", async () => {
    const admin = world.guild.addMember({
      username: "organiser",
      permissions: PermissionFlagsBits.ManageGuild,
    });
    const reply = await admin.runCommand(world.guild.id, channelId, "question preview", {
      id: "aip-1-4-aurora-pgvector-kb-store",
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds.map((embed) => embed.title)).toEqual([
      "AIP-C01 · Question #0",
      "AIP-C01 · Question #0 · Answer: B",
    ]);
    expect(reply.embeds[1]?.description).toContain("✅ **B** — ");
  });

  it("autocompletes question ids and takes a member's report, then lists it for admins", async () => {
    const choices = await member.autocomplete(
      world.guild.id,
      channelId,
      "question report",
      { reason: "x", id: "pgvector" },
      "id",
    );
    expect(choices.map((choice) => choice.value)).toContain("aip-1-4-aurora-pgvector-kb-store");
    const report = await member.runCommand(world.guild.id, channelId, "question report", {
      id: "aip-1-4-aurora-pgvector-kb-store",
      reason: "The link in the reveal is broken",
    });
    expect(report.content).toContain("your report on `aip-1-4-aurora-pgvector-kb-store` is recorded");
    const unknown = await member.runCommand(world.guild.id, channelId, "question report", {
      id: "no-such-question",
      reason: "wrong key",
    });
    expect(unknown.content).toBe("There is no question with id `no-such-question`.");
    const admin = world.guild.addMember({
      username: "moderator",
      permissions: PermissionFlagsBits.ManageGuild,
    });
    const list = await admin.runCommand(world.guild.id, channelId, "question reports");
    expect(list.content).toContain("`aip-1-4-aurora-pgvector-kb-store`");
    expect(list.content).toContain("The link in the reveal is broken");
  });

  it("refuses /question preview to a member without Manage Server, saying why", async () => {
    const reply = await member.runCommand(world.guild.id, channelId, "question preview", {
      id: "aip-1-4-aurora-pgvector-kb-store",
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("Manage Server");
  });
});
