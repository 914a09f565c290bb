import { expect, test } from "vitest";
import type { TestGuild } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld, type TestWorldOptions } from "./bot.js";

/**
 * A test API whose `world` fixture is one bot world per file (started before the file's first test,
 * closed after its last), and whose `guild` fixture is a new Discord server in that world for
 * each test alone: the bot is in it, nothing else is. Tests that share the world stand alone as long
 * as each keeps to its own guild, channels and members.
 */
export function testWithWorld(options: TestWorldOptions = {}) {
  const api = test
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture needs from this pattern
    .extend("world", { scope: "file" }, async ({}, { onCleanup }) => {
      const world = await startTestWorld(options);
      onCleanup(() => world.close());
      return world;
    })
    .extend("guild", async ({ world }): Promise<TestGuild> => newGuild(world));
  // The world starts before the file's first test, within the hook timeout rather than that test's.
  api.beforeAll(async ({ world }) => {
    expect(world.bot).toBeDefined();
  });
  return api;
}

/** A new Discord server with the bot in it, in a running world. */
export function newGuild(world: TestWorld, name = "study-group"): TestGuild {
  return world.server.createGuild({ name });
}
