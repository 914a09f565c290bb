import { setTimeout as sleep } from "node:timers/promises";
import { type Client, Events, type MessageReaction, type PartialMessageReaction } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectClient, DiscordServer, type TestGuild } from "../../src/discord-server/index.js";
import { shardOfGuild } from "../../src/shards.js";

const TOKEN = "test-token";

describe("sharding", () => {
  let server: DiscordServer;
  const clients: Client[] = [];

  beforeEach(async () => {
    server = await DiscordServer.start({ token: TOKEN, recommendedShards: 2 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.destroy();
    await server.close();
  });

  /** Guilds on shard 0 and shard 1 of 2 (a guild's shard comes from the timestamp in its id). */
  async function guildsOnBothShards(): Promise<[TestGuild, TestGuild]> {
    const found: (TestGuild | undefined)[] = [undefined, undefined];
    while (!found[0] || !found[1]) {
      const guild = server.createGuild();
      found[shardOfGuild(guild.id, 2)] ??= guild;
      await sleep(1);
    }
    return [found[0], found[1]];
  }

  it("recommends a shard count and session limits on /gateway/bot", async () => {
    const answer = await fetch(`${server.apiUrl}/v10/gateway/bot`, {
      headers: { Authorization: `Bot ${TOKEN}` },
    });
    expect(await answer.json()).toMatchObject({
      url: server.gatewayUrl,
      shards: 2,
      session_start_limit: { total: 1000, remaining: 1000, max_concurrency: 1 },
    });
  });

  it("gives each shard only its guilds and their events, by (guild_id >> 22) % num_shards", async () => {
    const [zero, one] = await guildsOnBothShards();
    const channels = [zero.createTextChannel({ name: "q" }).id, one.createTextChannel({ name: "q" }).id];
    for (const shard of [0, 1])
      clients.push(await connectClient(server, TOKEN, { shards: [shard], shardCount: 2 }));
    const [first, second] = clients;
    if (!first || !second) throw new Error("clients missing");
    expect(first.guilds.cache.has(zero.id) && second.guilds.cache.has(one.id)).toBe(true);
    for (const [n, client] of clients.entries())
      expect(client.guilds.cache.every((guild) => shardOfGuild(guild.id, 2) === n)).toBe(true);

    const seen: string[][] = [[], []];
    for (const [n, client] of clients.entries())
      client.on(Events.MessageReactionAdd, (reaction: MessageReaction | PartialMessageReaction) => {
        seen[n]?.push(reaction.message.guildId ?? "");
      });
    for (const [n, guild] of [zero, one].entries()) {
      const channelId = channels[n] ?? "";
      const sent = await clients[n]?.rest.post(`/channels/${channelId}/messages`, {
        body: { content: "hi" },
      });
      await guild.addMember({ username: `m${n}` }).react(channelId, (sent as { id: string }).id, "🇦");
    }
    await expect.poll(() => seen).toEqual([[zero.id], [one.id]]);
  });

  it("closes a session that IDENTIFYs with a shard outside the count", async () => {
    await expect(connectClient(server, TOKEN, { shards: [2], shardCount: 2 })).rejects.toThrow();
  });
});
