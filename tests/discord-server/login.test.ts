import type { Client } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { connectClient, DiscordServer } from "../../src/discord-server/index.js";

const TOKEN = "test-token";

describe("logging in", () => {
  let server: DiscordServer;
  let client: Client | undefined;

  beforeEach(async () => {
    server = await DiscordServer.start({ token: TOKEN });
  });

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await server.close();
  });

  it("becomes ready with the test's guild and channels cached", async () => {
    const guild = server.createGuild({ name: "AWS Study" });
    const channel = guild.createTextChannel({ name: "daily-question" });
    const ready = await connectClient(server, TOKEN);
    client = ready;

    expect(ready.user.id).toBe(server.bot.id);
    expect(ready.application.id).toBe(server.applicationId);
    const cached = ready.guilds.cache.get(guild.id);
    expect(cached?.name).toBe("AWS Study");
    expect(cached?.channels.cache.get(channel.id)?.name).toBe("daily-question");
    expect(cached?.members.me?.id).toBe(server.bot.id);
    expect(server.unknownRoutes).toEqual([]);
  });

  it("refuses a wrong token: the client's login rejects", async () => {
    server.createGuild();
    await expect(connectClient(server, "wrong-token")).rejects.toThrow(/token/i);
  });

  it("closes the gateway with 4004 when IDENTIFY carries a wrong token", async () => {
    const socket = new WebSocket(`${server.gatewayUrl}?v=10&encoding=json`);
    socket.on("message", (raw) => {
      const payload = JSON.parse(raw.toString()) as { op: number };
      if (payload.op === 10)
        socket.send(JSON.stringify({ op: 2, d: { token: "wrong", intents: 0, properties: {} } }));
    });
    const code = await new Promise<number>((resolve) => socket.on("close", resolve));
    expect(code).toBe(4004);
  });

  it("sends GUILD_CREATE for a guild the bot joins after login", async () => {
    client = await connectClient(server, TOKEN);
    const joined = new Promise<string>((resolve) => client?.once("guildCreate", (g) => resolve(g.id)));
    const guild = server.createGuild({ name: "Later" });
    expect(await joined).toBe(guild.id);
  });
});
