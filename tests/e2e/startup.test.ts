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

  it("refuses /question preview to a member without Manage Server, saying why", async () => {
    const reply = await member.runCommand(world.guild.id, channelId, "question preview", {
      id: "aip-1-4-aurora-pgvector-kb-store",
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("Manage Server");
  });
});
