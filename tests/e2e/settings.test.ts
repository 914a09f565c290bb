import { PermissionFlagsBits } from "discord.js";
import { describe, expect } from "vitest";
import type { Member, TestGuild } from "../../src/discord-server/index.js";
import { testWithWorld } from "../support/fixtures.js";

/** A server of its own for each test, with an organiser who has Manage Server. */
const test = testWithWorld({ questionsDir: "tests/fixtures/quiz-bank" }).extend(
  "admin",
  async ({ guild }) => {
    const channelId = guild.createTextChannel({ name: "general" }).id;
    const member = guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
    return { member, channelId, settings: settingsOf(guild, member, channelId) };
  },
);

function settingsOf(guild: TestGuild, admin: Member, channelId: string) {
  return (sub: string, options = {}) => admin.runCommand(guild.id, channelId, `settings ${sub}`, options);
}

describe("/settings", () => {
  test("counts weeks in the first quiz channel's zone until a server zone is set", async ({
    guild,
    admin,
  }) => {
    const { settings, channelId } = admin;
    expect((await settings("show")).content).toContain("**UTC** (default)");
    await admin.member.runCommand(guild.id, channelId, "quiz setup", {
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

  test.for<[string, string]>([
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
  ])("autocompletes the zone for %s first, and saves it", async ([typed, zone], { guild, admin }) => {
    const offered = await admin.member.autocomplete(
      guild.id,
      admin.channelId,
      "settings timezone",
      { zone: typed },
      "zone",
    );
    expect(offered[0]?.value).toBe(zone);
    expect((await admin.settings("timezone", { zone })).content).toContain(`counted in **${zone}**`);
  });

  test("offers the same zones to /quiz setup", async ({ guild, admin }) => {
    const offered = await admin.member.autocomplete(
      guild.id,
      admin.channelId,
      "quiz setup",
      { channel: admin.channelId, time: "07:30", timezone: "new york" },
      "timezone",
    );
    expect(offered[0]).toEqual({ name: "America/New_York (EST/EDT/ET)", value: "America/New_York" });
  });

  test("refuses an unknown zone and changes nothing", async ({ admin }) => {
    const { settings } = admin;
    await settings("timezone", { zone: "Asia/Tokyo" });
    expect((await settings("timezone", { zone: "Europe/Atlantis" })).content).toBe(
      "`Europe/Atlantis` is not an IANA time zone such as Europe/Berlin. Nothing was changed.",
    );
    expect((await settings("show")).content).toContain("**Asia/Tokyo**");
  });

  test("sets and clears the reminder channel", async ({ admin }) => {
    const { settings, channelId } = admin;
    expect((await settings("reminder-channel", { channel: channelId })).content).toContain(
      `go to <#${channelId}>`,
    );
    expect((await settings("reminder-channel")).content).toContain("go to no channel (only DMs)");
  });

  test("refuses a reminder channel the bot cannot post in, naming the permission, and saves nothing", async ({
    guild,
    admin,
  }) => {
    const { settings, channelId } = admin;
    await settings("reminder-channel", { channel: channelId });
    const closed = guild.createTextChannel({
      name: "announcements",
      overwrites: [{ id: guild.botRoleId, type: "role", deny: PermissionFlagsBits.SendMessages }],
    });
    const refused = await settings("reminder-channel", { channel: closed.id });
    expect(refused).toMatchObject({
      ephemeral: true,
      content: `I am missing **Send Messages** in <#${closed.id}>: grant them to my role there. Nothing was changed.`,
    });
    expect((await settings("show")).content).toContain(`go to <#${channelId}>.`);
  });

  test("is for admins only", async ({ guild, admin }) => {
    const member = guild.addMember({ username: "member" });
    expect((await member.runCommand(guild.id, admin.channelId, "settings show")).content).toContain(
      "Manage Server",
    );
  });
});
