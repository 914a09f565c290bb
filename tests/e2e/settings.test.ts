import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

describe("/settings", () => {
  let world: TestWorld;
  let admin: Member;
  let channelId: string;

  beforeAll(async () => {
    world = await startTestWorld({ questionsDir: "tests/fixtures/quiz-bank" });
    channelId = world.guild.createTextChannel({ name: "general" }).id;
    admin = world.guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
  });
  afterAll(() => world.close());

  const settings = (sub: string, options = {}) =>
    admin.runCommand(world.guild.id, channelId, `settings ${sub}`, options);

  it("counts weeks in the first quiz channel's zone until a server zone is set", async () => {
    expect((await settings("show")).content).toContain("**UTC** (default)");
    await admin.runCommand(world.guild.id, channelId, "quiz setup", {
      channel: channelId,
      time: "07:30",
      timezone: "Asia/Tokyo",
      exam: "SNGL-C01",
    });
    expect((await settings("show")).content).toContain("**Asia/Tokyo** (from the first quiz channel)");
    const saved = await settings("timezone", { zone: "Europe/Berlin" });
    expect(saved.ephemeral).toBe(true);
    expect(saved.content).toContain("Weeks and months are counted in **Europe/Berlin**.");
  });

  it.each([
    ["kolkata", "Asia/Kolkata"],
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["kyiv", "Europe/Kyiv"],
    ["Europe/Kiev", "Europe/Kyiv"],
    ["new york", "America/New_York"],
    ["utc", "UTC"],
    ["pst", "America/Los_Angeles"],
    ["IST", "Asia/Kolkata"],
    ["cet", "Europe/Berlin"],
    ["jst", "Asia/Tokyo"],
  ])("autocompletes the zone for %s first, and saves it", async (typed, zone) => {
    const offered = await admin.autocomplete(
      world.guild.id,
      channelId,
      "settings timezone",
      { zone: typed },
      "zone",
    );
    expect(offered[0]?.value).toBe(zone);
    expect((await settings("timezone", { zone })).content).toContain(`counted in **${zone}**`);
  });

  it("offers the same zones to /quiz setup", async () => {
    const offered = await admin.autocomplete(
      world.guild.id,
      channelId,
      "quiz setup",
      { channel: channelId, time: "07:30", timezone: "new york" },
      "timezone",
    );
    expect(offered[0]).toEqual({ name: "America/New_York (EST/EDT/ET)", value: "America/New_York" });
  });

  it("refuses an unknown zone and changes nothing", async () => {
    expect((await settings("timezone", { zone: "Europe/Atlantis" })).content).toBe(
      "`Europe/Atlantis` is not an IANA time zone such as Europe/Berlin. Nothing was changed.",
    );
    expect((await settings("show")).content).toContain("**Asia/Tokyo**");
  });

  it("sets and clears the reminder channel", async () => {
    expect((await settings("reminder-channel", { channel: channelId })).content).toContain(
      `go to <#${channelId}>`,
    );
    expect((await settings("reminder-channel")).content).toContain("go to no channel (only DMs)");
  });

  it("refuses a reminder channel the bot cannot post in, naming the permission, and saves nothing", async () => {
    const closed = world.guild.createTextChannel({
      name: "announcements",
      overwrites: [{ id: world.guild.botRoleId, type: "role", deny: PermissionFlagsBits.SendMessages }],
    });
    const refused = await settings("reminder-channel", { channel: closed.id });
    expect(refused).toMatchObject({
      ephemeral: true,
      content: `I am missing **Send Messages** in <#${closed.id}>: grant them to my role there. Nothing was changed.`,
    });
    expect((await settings("show")).content).toContain("go to no channel (only DMs)");
  });

  it("is for admins only", async () => {
    const member = world.guild.addMember({ username: "member" });
    expect((await member.runCommand(world.guild.id, channelId, "settings show")).content).toContain(
      "Manage Server",
    );
  });
});
