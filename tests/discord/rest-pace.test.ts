import { type Client, Events, type TextChannel } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { createDiscordClient } from "../../src/discord/client.js";
import { defaultRequestsPerSecond, pacedRequests } from "../../src/discord/rest-pace.js";
import { DiscordServer } from "../../src/discord-server/index.js";

const TOKEN = "test-token";

/** A stand-in for the network: records when each URL was sent and answers 200 at once. */
function recordingSend() {
  const sent: { url: string; at: number }[] = [];
  const send = async (url: string) => {
    sent.push({ url, at: performance.now() });
    return new Response("{}", { status: 200 }) as never;
  };
  return { sent, send };
}

describe("pacedRequests", () => {
  it("spaces requests evenly at perSecond, in the order they were asked for", async () => {
    const { sent, send } = recordingSend();
    const paced = pacedRequests(200, { send }); // a slot every 5 ms; a request may go 1.25 ms early
    const urls = Array.from({ length: 20 }, (_, n) => `http://discord.test/api/v10/channels/${n}/messages`);
    await Promise.all(urls.map((url) => paced(url, {})));
    expect(sent.map((request) => request.url)).toEqual(urls);
    // (Less a quarter of a millisecond: a request leaves a few microseconds after its turn is decided.)
    const gaps = sent.slice(1).map((request, n) => request.at - (sent[n]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5 - 1.25 - 0.25);
    // Early by at most a quarter slot over the whole run: never faster than 200 a second.
    expect((sent.at(-1)?.at ?? 0) - (sent[0]?.at ?? 0)).toBeGreaterThanOrEqual(19 * 5 - 1.25 - 0.25);
  });

  it("lets interaction responses and follow-ups pass a queue of waiting requests", async () => {
    const { sent, send } = recordingSend();
    const waits: number[] = [];
    const paced = pacedRequests(50, { send, waited: (seconds) => waits.push(seconds) });
    const queued = Array.from({ length: 5 }, (_, n) =>
      paced(`http://discord.test/api/v10/channels/${n}/messages`, {}),
    );
    const callback = "http://discord.test/api/v10/interactions/123456789012345678/aW50ZXJhY3Rpb24/callback";
    const followUp =
      "http://discord.test/api/v10/webhooks/123456789012345678/aW50ZXJhY3Rpb24/messages/@original";
    await Promise.all([paced(callback, {}), paced(followUp, {})]);
    // They went at once, ahead of the queue, which goes out one request per 20 ms.
    expect(sent.slice(0, 2).map((request) => request.url)).toEqual([callback, followUp]);
    expect(sent.length).toBeLessThanOrEqual(3);
    await Promise.all(queued);
    expect(sent).toHaveLength(7);
    // Only the queued requests waited for a turn (the metric's observations): the last about 4 × 20 ms.
    expect(waits).toHaveLength(5);
    expect(Math.max(...waits)).toBeGreaterThanOrEqual(0.06);
  });

  it("shares Discord's 50 requests/s among processes by the shards each runs, with a margin", () => {
    expect(defaultRequestsPerSecond(undefined)).toBe(45);
    expect(defaultRequestsPerSecond({ ids: [0, 1], count: 4 })).toBe(22.5);
    expect(defaultRequestsPerSecond({ ids: [3], count: 4 })).toBe(11.25);
  });
});

describe("the bot's client under Discord's global limit", () => {
  let server: DiscordServer | undefined;
  let client: Client | undefined;

  afterEach(async () => {
    await client?.destroy();
    await server?.close();
  });

  it("posts into 150 channels at once, never more than 50 requests in any second", async () => {
    server = await DiscordServer.start({ token: TOKEN, rateLimits: true });
    const guild = server.createGuild();
    const channelIds = Array.from({ length: 150 }, (_, n) => guild.createTextChannel({ name: `c${n}` }).id);
    const bot = createDiscordClient({ apiUrl: server.apiUrl });
    client = bot;
    const ready = new Promise((resolve) => bot.once(Events.ClientReady, resolve));
    await bot.login(TOKEN);
    await ready;

    await Promise.all(
      channelIds.map((id) => (bot.channels.cache.get(id) as TextChannel).send(`Question for ${id}`)),
    );

    for (const id of channelIds) expect(server.messages(id)).toHaveLength(1);
    // Not only the server's seconds: no second, wherever it starts, held more than 50 requests.
    // (discord.js alone sends each of its seconds' 50 requests at once, and two of those bursts fit in
    // one second that starts between them.)
    // Near the pace (45/s), not far below it.
    expect(server.stats.busiestSecond).toBeGreaterThanOrEqual(30);
    expect(server.stats.busiestSecond).toBeLessThanOrEqual(50);
    expect(server.stats.rateLimited).toBe(0);
  });
});
