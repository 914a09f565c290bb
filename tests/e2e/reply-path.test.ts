import { setTimeout as sleep } from "node:timers/promises";
import { ApplicationCommandOptionType } from "discord.js";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../src/discord/command.js";
import { commands } from "../../src/discord/commands/index.js";
import { deferAnswer, respond } from "../../src/discord/reply.js";
import { DiscordServer } from "../../src/discord-server/index.js";
import { startBotOn, startTestWorld, type TestWorld, testToken } from "../support/bot.js";
import { openTestDatabase } from "../support/db.js";

/** A library error whose text must never reach a member. */
const rawLibraryText = "write CONNECTION_RESET 10.0.0.3:5432 (socket hang up)";

/** Test-only: fails at a chosen point, after the bot has already shown something. */
const failsLate: Command = {
  data: {
    name: "fails-late",
    description: "Fails after answering (test only)",
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: "when",
        description: "Where it fails",
        required: true,
        choices: [
          { name: "after a public defer", value: "public-defer" },
          { name: "on the second page", value: "second-page" },
        ],
      },
    ],
  },
  visibility: "public",
  async execute(interaction) {
    if (interaction.options.getString("when", true) === "public-defer") {
      await deferAnswer(interaction, "public");
    } else {
      await respond(interaction, "Page 1 of 2");
    }
    throw new Error(rawLibraryText);
  },
};

async function eventually<T>(read: () => T | undefined): Promise<T> {
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    await sleep(25);
  }
}

describe("one reply path", () => {
  let world: TestWorld;
  let channelId: string;

  beforeAll(async () => {
    world = await startTestWorld({ commands: [...commands, failsLate] });
    channelId = world.guild.createTextChannel({ name: "study" }).id;
  });
  afterAll(() => world.close());

  it("shows an error after a public defer only to the member, and removes the public placeholder", async () => {
    const ada = world.guild.addMember({ username: "ada" });
    const reply = await ada.runCommand(world.guild.id, channelId, "fails-late", { when: "public-defer" });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      "Something went wrong on my side. It has been logged; please try again in a minute.",
    );
    expect(world.server.messages(channelId)).toEqual([]);
  });

  it("sends a failure after the first page as a follow-up, leaving the first page as it was", async () => {
    const bea = world.guild.addMember({ username: "bea" });
    const first = await bea.runCommand(world.guild.id, channelId, "fails-late", { when: "second-page" });
    expect(first).toMatchObject({ ephemeral: true, content: "Page 1 of 2" });
    const seen = await eventually(() => {
      const mine = bea.messages(channelId);
      return mine.length === 2 ? mine : undefined;
    });
    expect(seen.map((message) => [message.content, message.ephemeral])).toEqual([
      ["Page 1 of 2", true],
      ["Something went wrong on my side. It has been logged; please try again in a minute.", true],
    ]);
    expect(JSON.stringify(seen)).not.toContain("CONNECTION_RESET");
  });

  it("defers a command stalled by a slow database, so the member still gets the answer", async () => {
    const cy = world.guild.addMember({ username: "cy" });
    await cy.runCommand(world.guild.id, channelId, "certs add", { cert: "SAA", earned: "2025-01-10" });
    let answer: Promise<unknown> | undefined;
    await world.database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table member_certifications in access exclusive mode`);
      answer = cy.runCommand(world.guild.id, channelId, "certs list", {}, { timeoutMs: 60_000 });
      // Held until the bot has acknowledged the command with "thinking…", only the member sees it.
      const placeholder = await eventually(() =>
        cy.messages(channelId).find((message) => message.loading && message.interactionName === "certs list"),
      );
      expect(placeholder.ephemeral).toBe(true);
    });
    const reply = (await answer) as { ephemeral: boolean; embeds: { description?: string }[] };
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.description).toContain("**SAA** Solutions Architect – Associate");
  });
});

describe("a database that cannot be reached", () => {
  it("tells the member to try again in a minute", async () => {
    const server = await DiscordServer.start({ token: testToken });
    const guild = server.createGuild({ name: "outage" });
    const channelId = guild.createTextChannel({ name: "study" }).id;
    const database = await openTestDatabase();
    const bot = await startBotOn(server, database);
    try {
      await database.close();
      const dan = guild.addMember({ username: "dan" });
      const reply = await dan.runCommand(guild.id, channelId, "certs list");
      expect(reply).toMatchObject({
        ephemeral: true,
        content: "The database is unavailable right now; try again in a minute.",
      });
    } finally {
      await bot.stop();
      await server.close();
    }
  });
});
