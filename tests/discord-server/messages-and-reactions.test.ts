import { once } from "node:events";
import {
  AttachmentBuilder,
  type Client,
  DiscordAPIError,
  EmbedBuilder,
  PermissionFlagsBits,
  type TextChannel,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiscordServer, Member, TestGuild } from "../../src/discord-server/index.js";
import { startServerWithClient } from "./fixture.js";

const LETTERS = ["🇦", "🇧", "🇨", "🇩"];
/** The 8-byte PNG signature and an IHDR chunk: enough bytes to check nothing gets mangled. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");

describe("messages and reactions", () => {
  let server: DiscordServer;
  let client: Client<true>;
  let guild: TestGuild;
  let channelId: string;
  let alice: Member;

  beforeEach(async () => {
    ({ server, guild, channelId, alice, client } = await startServerWithClient());
  });

  afterEach(async () => {
    await client.destroy();
    await server.close();
  });

  const channel = () => client.channels.cache.get(channelId) as TextChannel;

  it("shows a member the bot's embed and its reactions in order, with counts", async () => {
    const embed = new EmbedBuilder().setTitle("Question 1").setDescription("Which service stores objects?");
    const sent = await channel().send({ embeds: [embed] });
    for (const letter of LETTERS) await sent.react(letter);
    await alice.react(channelId, sent.id, "🇧");

    const [seen] = alice.messages(channelId);
    expect(seen?.embeds[0]?.title).toBe("Question 1");
    expect(seen?.reactions.map((r) => [r.emoji, r.count])).toEqual([
      ["🇦", 1],
      ["🇧", 2],
      ["🇨", 1],
      ["🇩", 1],
    ]);
    expect(seen?.reactions[1]?.userIds).toEqual([server.bot.id, alice.id]);
    expect(await server.nextMessage(channelId)).toMatchObject({ id: sent.id });
  });

  it("delivers a member's reaction on an uncached message as messageReactionAdd", async () => {
    const sent = await channel().send("Pick one");
    channel().messages.cache.clear();
    const added = new Promise<{ messageId: string; emoji: string | null; userId: string }>((resolve) =>
      client.once("messageReactionAdd", (reaction, user) =>
        resolve({ messageId: reaction.message.id, emoji: reaction.emoji.name, userId: user.id }),
      ),
    );
    await alice.react(channelId, sent.id, "🇨");
    expect(await added).toEqual({ messageId: sent.id, emoji: "🇨", userId: alice.id });
  });

  it("delivers a member's removed reaction as messageReactionRemove and lists who reacted", async () => {
    const sent = await channel().send("Pick one");
    await sent.react("🇦");
    await alice.react(channelId, sent.id, "🇦");
    const users = await sent.reactions.cache.get("🇦")?.users.fetch();
    expect([...(users?.keys() ?? [])].sort()).toEqual([server.bot.id, alice.id].sort());

    const removed = new Promise<string>((resolve) =>
      client.once("messageReactionRemove", (_r, user) => resolve(user.id)),
    );
    await alice.unreact(channelId, sent.id, "🇦");
    expect(await removed).toBe(alice.id);
    expect(alice.messages(channelId)[0]?.reactions).toEqual([
      { emoji: "🇦", count: 1, userIds: [server.bot.id] },
    ]);
  });

  it("keeps an uploaded PNG's bytes intact", async () => {
    const sent = await channel().send({ files: [new AttachmentBuilder(PNG, { name: "graph.png" })] });
    const [attachment] = alice.messages(channelId)[0]?.attachments ?? [];
    expect(attachment?.filename).toBe("graph.png");
    expect(attachment?.bytes.equals(PNG)).toBe(true);
    expect(sent.attachments.first()?.name).toBe("graph.png");
    const downloaded = Buffer.from(await (await fetch(attachment?.url ?? "")).arrayBuffer());
    expect(downloaded.equals(PNG)).toBe(true);
  });

  it("shows a member the bot's edits and stops showing a deleted message", async () => {
    const sent = await channel().send("Question closes in 1 hour");
    await sent.edit("Question closed");
    const [seen] = alice.messages(channelId);
    expect(seen?.content).toBe("Question closed");
    expect(seen?.history.map((v) => v.content)).toEqual(["Question closes in 1 hour", "Question closed"]);
    await sent.delete();
    expect(alice.messages(channelId)).toEqual([]);
  });

  it("refuses to send where the bot lacks Send Messages: 403 with code 50013", async () => {
    const created = once(client, "channelCreate");
    const locked = guild.createTextChannel({
      name: "announcements",
      overwrites: [{ id: server.bot.id, type: "member", deny: PermissionFlagsBits.SendMessages }],
    });
    await created;
    const target = client.channels.cache.get(locked.id) as TextChannel;
    const error = await target.send("hello").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50013);
    expect((error as DiscordAPIError).status).toBe(403);
  });

  it("delivers a direct message to the member", async () => {
    const user = await client.users.fetch(alice.id);
    await user.send("Your streak is 5 days");
    expect(alice.directMessages().map((m) => m.content)).toEqual(["Your streak is 5 days"]);
  });

  it("hides a member's message content from a bot without the Message Content intent", async () => {
    const created = once(client, "messageCreate");
    await alice.send(channelId, "what is S3?");
    const [message] = (await created) as [{ content: string; author: { id: string } }];
    expect(message.author.id).toBe(alice.id);
    expect(message.content).toBe("");
  });

  it("lets a test wait for the bot's next edit", async () => {
    const sent = await channel().send("Results: pending");
    const edited = server.nextEdit(sent.id, 1);
    await sent.edit("Results: 3 correct");
    expect((await edited).content).toBe("Results: 3 correct");
  });

  it("answers an unknown channel with 404 code 10003", async () => {
    const error = await client.rest.get("/channels/123456789012345678").catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(10003);
  });

  it("records routes it does not know as 404s", async () => {
    await client.rest.get("/guilds/123456789012345678/audit-logs").catch(() => undefined);
    expect(server.unknownRoutes).toEqual(["GET /api/v10/guilds/123456789012345678/audit-logs"]);
  });
});
