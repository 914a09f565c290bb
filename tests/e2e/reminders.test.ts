import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificationReminders, guildSettings } from "../../src/db/schema.js";
import type { Member, OptionValue } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

// The test clock starts at 2026-11-26; a certification earned 2024-02-24 expires 2027-02-24, 90 days on.
describe("certification expiry reminders through Discord", () => {
  let world: TestWorld;
  let channelId: string;
  let reminderChannelId: string;
  const run = (member: Member, name: string, options: Record<string, OptionValue>) =>
    member.runCommand(world.guild.id, channelId, name, options);
  const claims = (member: Member) =>
    world.database.db
      .select()
      .from(certificationReminders)
      .where(eq(certificationReminders.userId, member.id));

  beforeAll(async () => {
    world = await startTestWorld();
    channelId = world.guild.createTextChannel({ name: "study" }).id;
    reminderChannelId = world.guild.createTextChannel({ name: "reminders" }).id;
    await world.database.db.insert(guildSettings).values({ guildId: world.guild.id, reminderChannelId });
  });
  afterAll(() => world.close());

  it("DMs a reminder 90 days before expiry exactly once, even across a restart at that moment", async () => {
    const ada = world.guild.addMember({ username: "ada" });
    await run(ada, "certs reminders", { state: "on" });
    await run(ada, "certs add", { cert: "SAA", earned: "2024-02-24" });
    await run(ada, "certs add", { cert: "CLF", earned: "2024-06-01" });
    await world.bot.scheduler.tick();
    await world.restart();
    await world.bot.scheduler.tick();
    const dms = ada.directMessages();
    expect(dms).toHaveLength(1);
    expect(dms[0]?.content).toBe(
      [
        "⏰ Your **SAA** (Solutions Architect – Associate) certification expires on **2027-02-24**, in 90 days.",
        "To renew it, pass **SAA-C03** (Solutions Architect – Associate) by 2027-02-24.",
        "Other exams that renew it: `/renewal renewed-by cert:SAA` · your plan: `/certs plan` · stop these: `/certs reminders state:off`",
      ].join("\n"),
    );
    expect(await claims(ada)).toMatchObject([{ certCode: "SAA", daysBefore: 90, error: null }]);
    expect((await claims(ada))[0]?.sentAt).toBeInstanceOf(Date);
  });

  it("sends the 30-day and 7-day reminders when their days come", async () => {
    const bob = world.guild.addMember({ username: "bob" });
    await run(bob, "certs reminders", { state: "on" });
    await run(bob, "certs add", { cert: "DVA", earned: "2024-02-24" });
    await world.bot.scheduler.tick();
    world.clock.set("2027-01-25T09:00:00Z");
    await world.bot.scheduler.tick();
    await world.bot.scheduler.tick();
    world.clock.set("2027-02-17T09:00:00Z");
    await world.bot.scheduler.tick();
    const texts = bob.directMessages().map((message) => message.content.split("\n")[0]);
    expect(texts).toEqual([
      "⏰ Your **DVA** (Developer – Associate) certification expires on **2027-02-24**, in 90 days.",
      "⏰ Your **DVA** (Developer – Associate) certification expires on **2027-02-24**, in 30 days.",
      "⏰ Your **DVA** (Developer – Associate) certification expires on **2027-02-24**, in 7 days.",
    ]);
    world.clock.set("2026-11-26T00:00:00Z");
  });

  it("names the one exam that renews several certifications expiring together", async () => {
    const cy = world.guild.addMember({ username: "cy" });
    await run(cy, "certs reminders", { state: "on" });
    await run(cy, "certs add", { cert: "DEA", earned: "2024-02-24" });
    await run(cy, "certs add", { cert: "MLA", earned: "2024-02-25" });
    await world.bot.scheduler.tick();
    const [first] = cy.directMessages();
    expect(first?.content).toContain(
      "**DEA** (Data Engineer – Associate) certification expires on **2027-02-24**",
    );
    expect(first?.content).toContain(
      "To renew it, pass **AIP-C01** (Generative AI Developer – Professional) by 2027-02-24; it also renews MLA.",
    );
  });

  it("mentions the member in the server's reminder channel when their DMs are closed", async () => {
    const dee = world.guild.addMember({ username: "dee" });
    dee.setDirectMessages(false);
    await run(dee, "certs reminders", { state: "on" });
    await run(dee, "certs add", { cert: "CLF", earned: "2024-02-24" });
    await world.bot.scheduler.tick();
    expect(dee.directMessages()).toEqual([]);
    const posted = world.server.messages(reminderChannelId);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.content).toMatch(
      new RegExp(`^<@${dee.id}> ⏰ Your \\*\\*CLF\\*\\* \\(Cloud Practitioner\\)`),
    );
    expect(posted[0]?.content).toContain("Sent here because your DMs are closed.");
    expect(await claims(dee)).toMatchObject([{ certCode: "CLF", error: null }]);
  });

  it("sends nothing to a member who never turned reminders on", async () => {
    const fay = world.guild.addMember({ username: "fay" });
    await run(fay, "certs add", { cert: "SAA", earned: "2024-02-24" });
    await world.bot.scheduler.tick();
    expect(fay.directMessages()).toEqual([]);
    expect(await claims(fay)).toEqual([]);
  });

  it("sends nothing to a member who turned reminders off", async () => {
    const eve = world.guild.addMember({ username: "eve" });
    await run(eve, "certs reminders", { state: "off" });
    await run(eve, "certs add", { cert: "SAA", earned: "2024-02-24" });
    await world.bot.scheduler.tick();
    expect(eve.directMessages()).toEqual([]);
    expect(await claims(eve)).toEqual([]);
  });
});
