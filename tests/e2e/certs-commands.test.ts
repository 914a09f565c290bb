import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberCertifications, memberSettings } from "../../src/db/schema.js";
import type { Member, OptionValue } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

// The test clock starts at 2026-11-26.
describe("/certs through Discord", () => {
  let world: TestWorld;
  let channelId: string;
  const run = (member: Member, name: string, options: Record<string, OptionValue> = {}) =>
    member.runCommand(world.guild.id, channelId, name, options);
  const stored = (member: Member) =>
    world.database.db
      .select()
      .from(memberCertifications)
      .where(eq(memberCertifications.userId, member.id))
      .orderBy(memberCertifications.certCode);

  beforeAll(async () => {
    world = await startTestWorld();
    channelId = world.guild.createTextChannel({ name: "study" }).id;
  });
  afterAll(() => world.close());

  it("records a certification with its expiry three years on, privately", async () => {
    const ada = world.guild.addMember({ username: "ada" });
    const reply = await run(ada, "certs add", { cert: "AIP", earned: "2026-04-14" });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(
      "Recorded **AIP** (Generative AI Developer – Professional), earned 2026-04-14: valid until **2029-04-14**." +
        "\nWant a DM 90, 30 and 7 days before it expires? Turn reminders on with `/certs reminders state:on`.",
    );
    expect(await stored(ada)).toMatchObject([
      { certCode: "AIP", earnedOn: "2026-04-14", expiresOn: "2029-04-14" },
    ]);
  });

  it("refuses an unknown code, a future date, a date before 1990 and a malformed date, writing nothing", async () => {
    const bob = world.guild.addMember({ username: "bob" });
    const unknown = await run(bob, "certs add", { cert: "AIX", earned: "2026-04-14" });
    expect(unknown).toMatchObject({
      ephemeral: true,
      content: "Unknown certification 'AIX' — did you mean AIF or AIP?",
    });
    const future = await run(bob, "certs add", { cert: "AIP", earned: "2027-01-01" });
    expect(future).toMatchObject({ ephemeral: true });
    expect(future.content).toBe(
      "2027-01-01 is in the future (today is 2026-11-26): give the day it already happened.",
    );
    const malformed = await run(bob, "certs add", { cert: "AIP", earned: "14/04/2026" });
    expect(malformed.content).toBe(
      "'14/04/2026' is not a date I can read: write it YYYY-MM-DD, e.g. 2026-04-14.",
    );
    const ancient = await run(bob, "certs add", { cert: "AIP", earned: "0000-01-01" });
    expect(ancient).toMatchObject({
      ephemeral: true,
      content: "0000-01-01 is before 1990-01-01: check the year, and give the day you passed, YYYY-MM-DD.",
    });
    const typo = await run(bob, "certs passed", { cert: "AIP", date: "1926-11-20" });
    expect(typo.content).toBe(
      "1926-11-20 is before 1990-01-01: check the year, and give the day you passed, YYYY-MM-DD.",
    );
    const impossible = await run(bob, "certs add", { cert: "AIP", earned: "2026-02-30" });
    expect(impossible.content).toContain("not a date I can read");
    const pass = await run(bob, "certs passed", { cert: "AIP", date: "2030-01-01" });
    expect(pass.content).toContain("is in the future");
    expect(await stored(bob)).toEqual([]);
  });

  it("lists certifications with name, expiry, days left and status, soonest first", async () => {
    const cy = world.guild.addMember({ username: "cy" });
    await run(cy, "certs add", { cert: "SAA", earned: "2024-01-10" });
    await run(cy, "certs add", { cert: "clf", earned: "2023-11-01" });
    await run(cy, "certs add", { cert: "AIF", earned: "2026-01-05" });
    const reply = await run(cy, "certs list");
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds[0]?.title).toBe("Your certifications");
    expect(reply.embeds[0]?.description).toBe(
      [
        "**CLF** Cloud Practitioner\nexpires 2026-11-01 · expired 25 days ago · ❌ lapsed",
        "**SAA** Solutions Architect – Associate\nexpires 2027-01-10 · 45 days left · ⚠️ expiring soon",
        "**AIF** AI Practitioner\nexpires 2029-01-05 · 771 days left · ✅ active",
      ].join("\n\n"),
    );
  });

  it("lists another member's certifications once they share them in this server", async () => {
    const dee = world.guild.addMember({ username: "dee" });
    const eve = world.guild.addMember({ username: "eve" });
    await run(dee, "certs add", { cert: "DEA", earned: "2025-05-05" });
    const refused = await run(eve, "certs list", { member: dee.id });
    expect(refused).toMatchObject({
      ephemeral: true,
      content:
        "dee keeps their certifications private in this server. They can share them with `/certs share state:on`.",
    });
    const own = await run(dee, "certs list");
    expect(own.embeds[0]?.footer?.text).toContain("/certs share state:on");
    await run(dee, "certs share", { state: "on" });
    await run(eve, "certs share", { state: "on" });
    const reply = await run(eve, "certs list", { member: dee.id });
    expect(reply.embeds[0]?.title).toBe("Certifications of dee");
    expect(reply.embeds[0]?.description).toContain("**DEA** Data Engineer – Associate");
    const empty = await run(dee, "certs list", { member: eve.id });
    expect(empty.content).toBe("eve has no certifications recorded.");
  });

  it("records a pass that renews every held certification it reaches, and shows the new dates", async () => {
    const fay = world.guild.addMember({ username: "fay" });
    for (const [cert, earned] of [
      ["DEA", "2024-06-01"],
      ["MLA", "2025-02-01"],
      ["AIF", "2024-08-01"],
      ["CLF", "2023-12-01"],
      ["SAA", "2020-01-01"],
    ] as const) {
      await run(fay, "certs add", { cert, earned });
    }
    const reply = await run(fay, "certs passed", { cert: "AIP", date: "2026-11-20" });
    expect(reply.embeds[0]?.title).toBe("Pass recorded: AIP");
    const text = reply.embeds[0]?.description ?? "";
    expect(text).toContain("AIP earned, now valid until 2029-11-20");
    for (const code of ["DEA", "MLA", "AIF", "CLF"]) expect(text).toContain(`${code} until 2029-11-20`);
    expect(await stored(fay)).toMatchObject([
      { certCode: "AIF", expiresOn: "2029-11-20", earnedOn: "2024-08-01" },
      { certCode: "AIP", expiresOn: "2029-11-20", earnedOn: "2026-11-20" },
      { certCode: "CLF", expiresOn: "2029-11-20" },
      { certCode: "DEA", expiresOn: "2029-11-20" },
      { certCode: "MLA", expiresOn: "2029-11-20" },
      { certCode: "SAA", expiresOn: "2023-01-01" },
    ]);
  });

  it("removes a certification, and says so when it was not recorded", async () => {
    const gus = world.guild.addMember({ username: "gus" });
    await run(gus, "certs add", { cert: "SOA", earned: "2025-10-10" });
    const removed = await run(gus, "certs remove", { cert: "soa" });
    expect(removed.content).toBe("Removed **SOA** (CloudOps Engineer – Associate) from your certifications.");
    const again = await run(gus, "certs remove", { cert: "SOA" });
    expect(again.content).toContain("You have no SOA recorded");
    expect(await stored(gus)).toEqual([]);
  });

  it("plans the fewest exams that renew everything held, with a deadline for each", async () => {
    const hal = world.guild.addMember({ username: "hal" });
    for (const [cert, earned] of [
      ["SAA", "2024-03-10"],
      ["DVA", "2024-09-01"],
      ["DEA", "2025-01-20"],
      ["MLA", "2025-06-15"],
      ["AIF", "2024-11-05"],
      ["CLF", "2023-12-01"],
    ] as const) {
      await run(hal, "certs add", { cert, earned });
    }
    const reply = await run(hal, "certs plan");
    expect(reply.embeds[0]?.title).toBe("Your renewal plan for the next 36 months");
    const text = reply.embeds[0]?.description ?? "";
    expect(text).toContain("3 exams");
    expect(text).toContain(
      "Take **SAA-C03** (Solutions Architect – Associate) before 2026-12-01 to renew CLF",
    );
    expect(text).toContain("Take **AIP-C01**");
    const soon = await run(hal, "certs plan", { months: 6 });
    expect(soon.embeds[0]?.description).toContain("1 exam,");
  });

  it("tells a member with nothing recorded how to start planning", async () => {
    const ivy = world.guild.addMember({ username: "ivy" });
    const reply = await run(ivy, "certs plan");
    expect(reply.content).toContain("/certs add");
  });

  it("keeps certifications shared in one server private in another", async () => {
    const lea = world.guild.addMember({ username: "lea" });
    await run(lea, "certs add", { cert: "SAA", earned: "2025-03-03" });
    const shared = await run(lea, "certs share", { state: "on" });
    expect(shared.content).toContain("Members of this server can now see your certifications");
    const other = world.server.createGuild({ name: "another-study-group" });
    const otherChannel = other.createTextChannel({ name: "general" }).id;
    const mo = other.addMember({ username: "mo" });
    const elsewhere = await mo.runCommand(other.id, otherChannel, "certs list", { member: lea.id });
    expect(elsewhere.content).toContain("lea keeps their certifications private in this server");
    const here = world.guild.addMember({ username: "ned" });
    expect((await run(here, "certs list", { member: lea.id })).embeds[0]?.description).toContain("**SAA**");
    await run(lea, "certs share", { state: "off" });
    expect((await run(here, "certs list", { member: lea.id })).content).toContain(
      "keeps their certifications private",
    );
  });

  it("turns reminders off and on", async () => {
    const jon = world.guild.addMember({ username: "jon" });
    const off = await run(jon, "certs reminders", { state: "off" });
    expect(off.content).toContain("Reminders are **off**");
    const setting = () =>
      world.database.db.select().from(memberSettings).where(eq(memberSettings.userId, jon.id));
    expect(await setting()).toMatchObject([{ remindersEnabled: false, reminderGuildId: world.guild.id }]);
    const on = await run(jon, "certs reminders", { state: "on" });
    expect(on.content).toContain("Reminders are **on**");
    expect(await setting()).toMatchObject([{ remindersEnabled: true }]);
  });

  it("autocompletes certifications, and for remove only the member's own", async () => {
    const kim = world.guild.addMember({ username: "kim" });
    await run(kim, "certs add", { cert: "SAA", earned: "2025-01-01" });
    await run(kim, "certs add", { cert: "SAP", earned: "2025-01-01" });
    const add = await kim.autocomplete(world.guild.id, channelId, "certs add", { cert: "sa" }, "cert");
    expect(add.map((choice) => choice.value)).toEqual(["SAA", "SAP"]);
    const passed = await kim.autocomplete(
      world.guild.id,
      channelId,
      "certs passed",
      { cert: "Cloud" },
      "cert",
    );
    expect(passed.length).toBeGreaterThan(3);
    expect(passed.length).toBeLessThanOrEqual(25);
    const remove = await kim.autocomplete(world.guild.id, channelId, "certs remove", { cert: "" }, "cert");
    expect(remove.map((choice) => choice.value)).toEqual(["SAA", "SAP"]);
  });
});
