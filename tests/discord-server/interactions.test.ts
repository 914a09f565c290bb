import {
  AttachmentBuilder,
  type Client,
  Events,
  type Interaction,
  MessageFlags,
  SlashCommandBuilder,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectClient, DiscordServer, type Member, type TestGuild } from "../../src/discord-server/index.js";
import { startServerWithClient, TOKEN } from "./fixture.js";

const quiz = new SlashCommandBuilder()
  .setName("quiz")
  .setDescription("Study commands")
  .addSubcommand((sub) =>
    sub
      .setName("stats")
      .setDescription("Your score")
      .addStringOption((o) => o.setName("certification").setDescription("Which one").setAutocomplete(true)),
  )
  .addSubcommand((sub) => sub.setName("graph").setDescription("Renewal graph"));
const ping = new SlashCommandBuilder().setName("ping").setDescription("Is the bot alive?");

describe("slash commands", () => {
  let server: DiscordServer;
  let client: Client<true>;
  let guild: TestGuild;
  let channelId: string;
  let alice: Member;

  beforeEach(async () => {
    ({ server, guild, channelId, alice, client } = await startServerWithClient());
    await client.application.commands.set([quiz.toJSON(), ping.toJSON()], guild.id);
  });

  afterEach(async () => {
    await client.destroy();
    await server.close();
  });

  const handle = (handler: (interaction: Interaction) => Promise<unknown>) =>
    client.on(Events.InteractionCreate, (interaction) => void handler(interaction));

  it("registers commands in bulk and lists them", async () => {
    expect(server.commands(guild.id).map((c) => c.name)).toEqual(["quiz", "ping"]);
    const fetched = await client.application.commands.fetch({ guildId: guild.id });
    expect([...fetched.values()].map((c) => c.name).sort()).toEqual(["ping", "quiz"]);
    await client.application.commands.set([ping.toJSON()]);
    expect(server.commands().map((c) => c.name)).toEqual(["ping"]);
  });

  it("delivers a slash command to the client and shows the member an ephemeral reply", async () => {
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const certification = interaction.options.getString("certification");
      const sub = interaction.options.getSubcommand();
      await interaction.reply({
        content: `${sub} for ${certification} in ${interaction.channelId}`,
        flags: MessageFlags.Ephemeral,
      });
    });
    const reply = await alice.runCommand(guild.id, channelId, "quiz stats", { certification: "SAA-C03" });
    expect(reply).toMatchObject({ content: `stats for SAA-C03 in ${channelId}`, ephemeral: true });
    expect(server.messages(channelId)).toEqual([]);
    const bob = guild.addMember({ username: "bob" });
    expect(bob.messages(channelId)).toEqual([]);
  });

  it("resolves a deferred reply with the bot's final edit", async () => {
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply("Rendering…");
      await interaction.editReply({ content: "Here is your graph", embeds: [{ title: "Renewals" }] });
    });
    const first = await alice.runCommand(guild.id, channelId, "quiz graph");
    expect(first).toMatchObject({ ephemeral: false, loading: false });
    // runCommand resolves once the reply has been still for a moment; on a busy machine the bot's second
    // edit may come after that, so the final state is read from the channel.
    await expect
      .poll(() => alice.messages(channelId).map((m) => [m.content, m.embeds[0]?.title]))
      .toEqual([["Here is your graph", "Renewals"]]);
  });

  it("carries a PNG attached to an edited deferred reply intact to the member", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex");
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({
        content: "Graph",
        files: [new AttachmentBuilder(png, { name: "renewals.png" })],
      });
    });
    const reply = await alice.runCommand(guild.id, channelId, "quiz graph");
    expect(reply.attachments.map((a) => a.filename)).toEqual(["renewals.png"]);
    expect(reply.attachments[0]?.bytes.equals(png)).toBe(true);
  });

  it("answers with_response=true with the reply message", async () => {
    const fetched = new Promise<string | undefined>((resolve) =>
      handle(async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const response = await interaction.reply({ content: "pong", withResponse: true });
        resolve(response.resource?.message?.content);
      }),
    );
    await alice.runCommand(guild.id, channelId, "ping");
    expect(await fetched).toBe("pong");
  });

  it("turns the first follow-up after an ephemeral defer into the reply", async () => {
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.followUp({ content: "Your score: 12", flags: MessageFlags.Ephemeral });
    });
    const reply = await alice.runCommand(guild.id, channelId, "ping");
    expect(reply).toMatchObject({ content: "Your score: 12", ephemeral: true, loading: false });
    expect(alice.messages(channelId)).toHaveLength(1);
  });

  it("refuses a reply that comes after the interaction expired (10062)", async () => {
    await server.close();
    server = await DiscordServer.start({ token: TOKEN, interactionResponseTimeoutMs: 50 });
    guild = server.createGuild();
    channelId = guild.createTextChannel({ name: "study" }).id;
    alice = guild.addMember({ username: "alice" });
    await client.destroy();
    client = await connectClient(server, TOKEN);
    await client.application.commands.set([ping.toJSON()], guild.id);
    const failure = new Promise<unknown>((resolve) =>
      handle(async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await new Promise((r) => setTimeout(r, 100));
        await interaction.reply("too late").catch(resolve);
      }),
    );
    await expect(alice.runCommand(guild.id, channelId, "ping", {}, { timeoutMs: 300 })).rejects.toThrow();
    expect(await failure).toMatchObject({ code: 10062 });
  });

  it("returns the bot's autocomplete choices", async () => {
    handle(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      const all = ["SAA-C03", "SAP-C02", "DVA-C02"];
      await interaction.respond(all.filter((c) => c.startsWith(typed)).map((c) => ({ name: c, value: c })));
    });
    const choices = await alice.autocomplete(
      guild.id,
      channelId,
      "quiz stats",
      { certification: "SA" },
      "certification",
    );
    expect(choices.map((c) => c.value)).toEqual(["SAA-C03", "SAP-C02"]);
  });

  it("tells the test when the bot never answers", async () => {
    await expect(alice.runCommand(guild.id, channelId, "ping", {}, { timeoutMs: 200 })).rejects.toThrow(
      /did not respond/,
    );
  });

  it("shows a member a button click's update of the message", async () => {
    handle(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: "Ready?",
          components: [{ type: 1, components: [{ type: 2, style: 1, label: "Go", custom_id: "go" }] }],
        });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `Clicked ${interaction.customId}`, components: [] });
      }
    });
    const question = await alice.runCommand(guild.id, channelId, "ping");
    const updated = await alice.clickButton(channelId, question.id, "go");
    expect(updated).toMatchObject({ id: question.id, content: "Clicked go", components: [] });
  });
});
