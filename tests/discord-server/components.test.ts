import { type Client, Events, type Interaction, MessageFlags, SlashCommandBuilder } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DiscordServer, Member, TestGuild } from "../../src/discord-server/index.js";
import { startServerWithClient } from "./fixture.js";

const ping = new SlashCommandBuilder().setName("ping").setDescription("Buttons please");
const buttonRow = (...ids: string[]) => ({
  type: 1,
  components: ids.map((id) => ({ type: 2, style: 2, label: id.toUpperCase(), custom_id: id })),
});

describe("buttons and component interactions", () => {
  let server: DiscordServer;
  let client: Client<true>;
  let guild: TestGuild;
  let channelId: string;
  let alice: Member;

  beforeEach(async () => {
    ({ server, guild, channelId, alice, client } = await startServerWithClient());
    await client.application.commands.set([ping.toJSON()], guild.id);
  });

  afterEach(async () => {
    await client.destroy();
    await server.close();
  });

  const handle = (handler: (interaction: Interaction) => Promise<unknown>) =>
    client.on(Events.InteractionCreate, (interaction) => void handler(interaction).catch(() => {}));

  /** /ping answers privately with buttons a and b, and a disabled c. */
  const privateButtons = () =>
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const row = buttonRow("a", "b");
      row.components.push({ type: 2, style: 2, label: "C", custom_id: "c", disabled: true } as never);
      await interaction.reply({ content: "Pick one", components: [row], flags: MessageFlags.Ephemeral });
    });

  it("refuses a message whose buttons break Discord's limits (50035)", async () => {
    const failures: unknown[] = [];
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const tooMany = { components: [buttonRow("1", "2", "3", "4", "5", "6")] };
      const twice = { components: [buttonRow("same", "same")] };
      const longId = { components: [buttonRow("x".repeat(101))] };
      for (const body of [tooMany, twice, longId])
        await channel()
          .send({ content: "x", ...body } as never)
          .catch((error: unknown) => failures.push(error));
      await interaction.reply("done");
    });
    const channel = () => client.channels.cache.get(channelId) as { send(body: unknown): Promise<unknown> };
    await alice.runCommand(guild.id, channelId, "ping");
    expect(failures.map((error) => (error as { code?: number }).code)).toEqual([50035, 50035, 50035]);
    expect(server.messages(channelId).filter((m) => m.content === "x")).toEqual([]);
  });

  it("updates the clicked ephemeral message after a deferred update, as only its member sees", async () => {
    privateButtons();
    handle(async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.deferUpdate();
      await interaction.editReply({ content: `You picked ${interaction.customId}`, components: [] });
    });
    const reply = await alice.runCommand(guild.id, channelId, "ping");
    expect(reply.buttons.map((b) => [b.customId, b.disabled])).toEqual([
      ["a", false],
      ["b", false],
      ["c", true],
    ]);
    const updated = await alice.clickButtonLabelled(channelId, reply.id, "B");
    expect(updated).toMatchObject({ id: reply.id, content: "You picked b", ephemeral: true, buttons: [] });
    expect(updated.history.map((version) => version.content)).toEqual(["Pick one", "You picked b"]);
    expect(server.messages(channelId)).toEqual([]);
  });

  it("gives each click its own interaction, and an ephemeral follow-up leaves the clicked message as it was", async () => {
    privateButtons();
    const tokens: string[] = [];
    handle(async (interaction) => {
      if (!interaction.isButton()) return;
      tokens.push(interaction.token);
      await interaction.deferUpdate();
      await interaction.followUp({
        content: `Not now (${interaction.customId})`,
        flags: MessageFlags.Ephemeral,
      });
    });
    const reply = await alice.runCommand(guild.id, channelId, "ping");
    const first = await alice.clickButton(channelId, reply.id, "a");
    const second = await alice.clickButton(channelId, reply.id, "a");
    expect([first.content, second.content]).toEqual(["Not now (a)", "Not now (a)"]);
    expect(first.ephemeral).toBe(true);
    expect(new Set(tokens).size).toBe(2);
    expect(alice.messages(channelId).map((m) => m.content)).toEqual([
      "Pick one",
      "Not now (a)",
      "Not now (a)",
    ]);
    expect(guild.addMember({ username: "bob" }).messages(channelId)).toEqual([]);
  });

  it("lets a member click only buttons on the message and enabled, while a forged click reaches the bot", async () => {
    privateButtons();
    const seen: string[] = [];
    handle(async (interaction) => {
      if (!interaction.isButton()) return;
      seen.push(interaction.customId);
      await interaction.reply({ content: "ok", flags: MessageFlags.Ephemeral });
    });
    const reply = await alice.runCommand(guild.id, channelId, "ping");
    await expect(alice.clickButton(channelId, reply.id, "z")).rejects.toThrow(/no button with custom id z/);
    await expect(alice.clickButton(channelId, reply.id, "c")).rejects.toThrow(/disabled/);
    await alice.forgeButtonClick(channelId, reply.id, "z:forged");
    expect(seen).toEqual(["z:forged"]);
    const bob = guild.addMember({ username: "bob" });
    await expect(bob.clickButton(channelId, reply.id, "a")).rejects.toThrow(/cannot see/);
  });
});
