import { PermissionFlagsBits } from "discord.js";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { questions } from "../../src/db/schema.js";
import type { Member } from "../../src/discord-server/index.js";
import { findQuestion } from "../../src/questions/find-question.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

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

  it("answers /help privately, by purpose, with only the commands a member can run", async () => {
    const reply = await member.runCommand(world.guild.id, channelId, "help");
    expect(reply.ephemeral).toBe(true);
    const text = reply.embeds[0]?.description ?? "";
    expect(text).toContain("reacting");
    expect(text).toContain("**Daily questions and your progress**\n`/help`");
    expect(text).toContain("**Certifications and renewals**");
    expect(text).toContain("**Study groups**");
    expect(text).toContain("`/question report`");
    for (const hidden of [
      "`/question preview`",
      "`/quiz setup`",
      "`/settings show`",
      "`/group link`",
      "Server admin",
    ])
      expect(text).not.toContain(hidden);
  });

  it("shows admins (Manage Server) their section of /help too", async () => {
    const admin = world.guild.addMember({ username: "helper", permissions: PermissionFlagsBits.ManageGuild });
    const text = (await admin.runCommand(world.guild.id, channelId, "help")).embeds[0]?.description ?? "";
    expect(text).toContain("**Server admin (Manage Server)**");
    for (const shown of ["`/question preview`", "`/quiz setup`", "`/settings show`", "`/group link`"])
      expect(text).toContain(shown);
  });

  it("previews a question and its reveal for an admin, exactly as posted, visible only to them", async () => {
    const admin = world.guild.addMember({
      username: "organiser",
      permissions: PermissionFlagsBits.ManageGuild,
    });
    const [first] = await world.database.db
      .select({ id: questions.id })
      .from(questions)
      .where(and(eq(questions.exam, "AIP-C01"), eq(questions.number, 1)));
    const stored = first && (await findQuestion(world.database.db, first.id));
    if (!stored) throw new Error("the bank has no AIP-C01 #001");
    for (const name of ["AIP-C01 #001", first.id]) {
      const reply = await admin.runCommand(world.guild.id, channelId, "question preview", { question: name });
      expect(reply.ephemeral).toBe(true);
      expect(reply.embeds.map((embed) => embed.title)).toEqual([
        "AIP-C01 #001",
        `AIP-C01 #001 · Answer${stored.question.answer.length > 1 ? "s" : ""}: ${stored.question.answer.join(" and ")}`,
      ]);
      expect(reply.embeds[1]?.description).toContain(`✅ **${stored.question.answer[0]}** — `);
    }
  });

  it("never shows members a question's file id: reports take public numbers, autocomplete offers only revealed questions", async () => {
    const offered = await member.autocomplete(
      world.guild.id,
      channelId,
      "question report",
      { reason: "x", question: "1" },
      "question",
    );
    // Nothing has been revealed in this server yet, so a member is offered nothing to browse.
    expect(offered).toEqual([]);
    const report = await member.runCommand(world.guild.id, channelId, "question report", {
      question: "AIP-C01 #001",
      reason: "The link in the reveal is broken",
    });
    expect(report.content).toContain("your report on **AIP-C01 #001** is recorded");
    const byId = await member.runCommand(world.guild.id, channelId, "question report", {
      question: "aip-1-1-eu-geo-inference-profile",
      reason: "wrong key",
    });
    expect(byId.content).toContain("There is no question `aip-1-1-eu-geo-inference-profile`: use its number");
    const admin = world.guild.addMember({
      username: "moderator",
      permissions: PermissionFlagsBits.ManageGuild,
    });
    const adminChoices = await admin.autocomplete(
      world.guild.id,
      channelId,
      "question report",
      { reason: "x", question: "AIP-C01 #1" },
      "question",
    );
    expect(adminChoices.map((choice) => choice.value)).toEqual(["AIP-C01 #001"]);
    const list = await admin.runCommand(world.guild.id, channelId, "question reports");
    expect(list.content).toContain("**AIP-C01 #001**");
    expect(list.content).toContain("1 report,");
    expect(list.content).toContain("The link in the reveal is broken");
  });

  it("refuses /question preview to a member without Manage Server, saying why", async () => {
    const reply = await member.runCommand(world.guild.id, channelId, "question preview", {
      question: "AIP-C01 #001",
    });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("Manage Server");
  });
});
