import { once } from "node:events";
import { type Client, Events, type Guild } from "discord.js";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { DiscordServer, TestGuild } from "../../src/discord-server/index.js";
import { startServerWithClient } from "./fixture.js";

let server: DiscordServer;
let guild: TestGuild;
let client: Client<true>;

beforeEach(async () => {
  ({ server, guild, client } = await startServerWithClient());
});
afterEach(async () => {
  await client.destroy();
  await server.close();
});

it("tells the bot it was removed from a guild (not an outage), and that it was added back", async () => {
  const removed = once(client, Events.GuildDelete) as Promise<[Guild]>;
  guild.removeBot();
  const [gone] = await removed;
  expect(gone.id).toBe(guild.id);
  expect(client.guilds.cache.has(guild.id)).toBe(false);

  const added = once(client, Events.GuildCreate) as Promise<[Guild]>;
  guild.addBot();
  const [back] = await added;
  expect(back.id).toBe(guild.id);
  expect(client.guilds.cache.get(guild.id)?.members.me?.roles.cache.has(guild.botRoleId)).toBe(true);
});

it("leaves a guild the bot was removed from out of READY after a reconnect", async () => {
  guild.removeBot();
  await once(client, Events.GuildDelete);
  server.rejectResume = true;
  const ready = once(client, Events.ShardReady);
  server.dropGateway();
  await ready;
  expect(client.guilds.cache.has(guild.id)).toBe(false);
});
