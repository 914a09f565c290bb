import { once } from "node:events";
import { type Client, Events, type TextChannel } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { connectClient, DiscordServer, type Member } from "../../src/discord-server/index.js";
import { startServerWithClient, TOKEN } from "./fixture.js";

describe("faults", () => {
  let server: DiscordServer;
  let client: Client<true>;
  let channelId: string;
  let alice: Member;

  beforeEach(async () => {
    ({ server, channelId, alice, client } = await startServerWithClient({ heartbeatIntervalMs: 500 }));
  });

  afterEach(async () => {
    await client.destroy();
    await server.close();
  });

  const channel = () => client.channels.cache.get(channelId) as TextChannel;

  it("delivers a reaction added while the gateway was down after the client RESUMEs", async () => {
    const sent = await channel().send("Question");
    const added = new Promise<string | null>((resolve) =>
      client.once(Events.MessageReactionAdd, (reaction) => resolve(reaction.emoji.name)),
    );
    server.dropGateway();
    await alice.react(channelId, sent.id, "🇩");
    expect(await added).toBe("🇩");
    expect(server.stats).toMatchObject({ identifies: 1, resumes: 1 });
  });

  it("retries a REST call that failed with 5xx (next-N fault)", async () => {
    server.failNextRequests(2, { status: 502 });
    const sent = await channel().send("Still delivered");
    expect(server.stats.injectedFailures).toBe(2);
    expect(server.messages(channelId).map((m) => m.id)).toEqual([sent.id]);
  });

  it("waits out an injected 429 and then succeeds", async () => {
    server.failNextRequests(1, { status: 429, retryAfterMs: 50 });
    await channel().send("After the wait");
    expect(server.stats.injectedFailures).toBe(1);
    expect(server.messages(channelId)).toHaveLength(1);
  });

  it("answers RESUME with invalid session when told to", async () => {
    server.rejectResume = true;
    const socket = new WebSocket(server.gatewayUrl);
    socket.send = socket.send.bind(socket);
    const [hello] = (await once(socket, "message")) as [Buffer];
    expect(JSON.parse(hello.toString())).toMatchObject({ op: 10 });
    socket.send(JSON.stringify({ op: 6, d: { token: TOKEN, session_id: "any", seq: 1 } }));
    const [answer] = (await once(socket, "message")) as [Buffer];
    expect(JSON.parse(answer.toString())).toEqual({ op: 9, d: false });
    socket.close();
  });
});

describe("rate limits", () => {
  let server: DiscordServer;
  let client: Client<true>;
  let channelId: string;

  beforeEach(async () => {
    // A shorter reaction window than Discord (250 ms): discord.js adds 2 × 50 ms to every wait, so 60
    // reactions take ~6.5 s here instead of ~21 s.
    server = await DiscordServer.start({
      token: TOKEN,
      rateLimits: { reactions: { limit: 1, windowMs: 10 } },
    });
    const guild = server.createGuild();
    channelId = guild.createTextChannel({ name: "daily-question" }).id;
    client = await connectClient(server, TOKEN);
  });

  afterEach(async () => {
    await client.destroy();
    await server.close();
  });

  it("lets discord.js pace a burst of 60 reactions from the headers (at most one 429)", async () => {
    const channel = client.channels.cache.get(channelId) as TextChannel;
    const messages = await Promise.all([1, 2, 3].map((n) => channel.send(`Question ${n}`)));
    const emojis = [
      "🇦",
      "🇧",
      "🇨",
      "🇩",
      "🇪",
      "🇫",
      "🇬",
      "🇭",
      "🇮",
      "🇯",
      "🇰",
      "🇱",
      "🇲",
      "🇳",
      "🇴",
      "🇵",
      "🇶",
      "🇷",
      "🇸",
      "🇹",
    ];
    await Promise.all(messages.flatMap((m) => emojis.map((e) => m.react(e))));
    const seen = server.messages(channelId).map((m) => m.reactions.length);
    expect(seen).toEqual([20, 20, 20]);
    expect(server.stats.rateLimited).toBeLessThanOrEqual(1);
  });

  it("limits a bot to 50 requests a second across routes, with a global 429", async () => {
    const get = () => fetch(`${server.apiUrl}/v10/users/@me`, { headers: { Authorization: `Bot ${TOKEN}` } });
    const answers = await Promise.all(Array.from({ length: 60 }, get));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(9);
    expect(limited[0]?.headers.get("x-ratelimit-global")).toBe("true");
    expect(limited[0]?.headers.get("x-ratelimit-scope")).toBe("global");
  });

  it("refuses the sixth message in 5 s with 429 and correct headers", async () => {
    const url = `${server.apiUrl}/v10/channels/${channelId}/messages`;
    const post = () =>
      fetch(url, {
        method: "POST",
        headers: { Authorization: `Bot ${TOKEN}`, "Content-Type": "application/json" },
        body: JSON.stringify({ content: "hi" }),
      });
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await post());
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[4]?.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(answers[0]?.headers.get("x-ratelimit-limit")).toBe("5");
    const limited = answers[5];
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(4);
    expect(limited?.headers.get("x-ratelimit-scope")).toBe("user");
    expect(server.stats.rateLimited).toBe(1);
  });
});
