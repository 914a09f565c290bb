import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "../../src/discord-server/index.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

const pngMagic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("/renewal through Discord", () => {
  let world: TestWorld;
  let member: Member;
  let channelId: string;
  const run = (name: string, options: Record<string, string> = {}) =>
    member.runCommand(world.guild.id, channelId, name, options, { timeoutMs: 20_000 });

  beforeAll(async () => {
    world = await startTestWorld();
    channelId = world.guild.createTextChannel({ name: "study" }).id;
    member = world.guild.addMember({ username: "ada" });
  });
  afterAll(() => world.close());

  it("registers /renewal with its four subcommands", () => {
    const renewal = world.server.commands().find((command) => command.name === "renewal");
    const subcommands = (renewal?.options as Array<{ name: string }> | undefined)?.map((o) => o.name);
    expect(subcommands).toEqual(["renews", "renewed-by", "path", "graph"]);
  });

  it("says what passing AIP renews, with chains and provenance", async () => {
    const reply = await run("renewal renews", { cert: "AIP" });
    expect(reply.ephemeral).toBe(false);
    expect(reply.embeds[0]?.title).toBe("What passing AIP renews");
    const text = reply.embeds[0]?.description ?? "";
    expect(text).toContain("DEA and MLA (observed)");
    expect(text).toContain("CLF (official)");
    expect(text).toContain("AIF (via MLA: AIP → MLA observed, MLA → AIF official)");
  });

  it("accepts a code in any case or as an exam code", async () => {
    const reply = await run("renewal renews", { cert: "aip-c01" });
    expect(reply.embeds[0]?.title).toBe("What passing AIP renews");
  });

  it("lists every exam that renews CLF, and Cloud Quest without an exam", async () => {
    const reply = await run("renewal renewed-by", { cert: "CLF" });
    const text = reply.embeds[0]?.description ?? "";
    expect(reply.embeds[0]?.title).toBe("What renews CLF");
    expect(text).toContain("SAA, DVA, SOA, DEA and MLA (official)");
    expect(text).toContain("SAP, DOP and AIP (official)");
    expect(text).toContain("Cloud Quest");
  });

  it("shows the chain from one exam to a certification it renews, or says there is none", async () => {
    const found = await run("renewal path", { from: "AIP", to: "AIF" });
    expect(found.embeds[0]?.description).toContain("AIP → MLA → AIF");
    const none = await run("renewal path", { from: "CLF", to: "AIP" });
    expect(none.embeds[0]?.description).toContain("does not renew AIP");
  });

  it("says Google Cloud has no renewal cascade instead of drawing the AWS graph", async () => {
    const reply = await run("renewal graph", { cert: "GCP-PCA" });
    expect(reply).toMatchObject({
      ephemeral: true,
      content:
        "Google Cloud has no renewal cascade: **GCP-PCA** (Professional Cloud Architect) is renewed only by passing its own renewal exam, every 24 months, within 60 days before it expires. The graph shows AWS certifications.",
      attachments: [],
    });
  });

  it("answers an unknown code privately with a suggestion", async () => {
    const reply = await run("renewal renews", { cert: "AIX" });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe("Unknown certification 'AIX' — did you mean AIF or AIP?");
  });

  it("sends the whole renewal graph as a PNG picture", async () => {
    const reply = await run("renewal graph");
    const [attachment] = reply.attachments;
    expect(attachment?.filename).toBe("renewal-graph.png");
    expect([...(attachment?.bytes.subarray(0, 8) ?? [])]).toEqual(pngMagic);
    expect(world.server.messages(channelId).some((message) => message.id === reply.id)).toBe(true);
  });

  it("highlights one exam's reach in the graph", async () => {
    const reply = await run("renewal graph", { cert: "aip" });
    const [attachment] = reply.attachments;
    expect(attachment?.filename).toBe("renewal-graph-aip.png");
    expect([...(attachment?.bytes.subarray(0, 8) ?? [])]).toEqual(pngMagic);
    expect(reply.content).toContain("**AIP**");
  });

  it("checks the graph's code before drawing and posts nothing for an unknown one", async () => {
    const before = world.server.messages(channelId).length;
    const reply = await run("renewal graph", { cert: "XYZ" });
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain("Unknown certification 'XYZ'");
    expect(reply.attachments).toEqual([]);
    expect(world.server.messages(channelId)).toHaveLength(before);
  });

  it("autocompletes certifications by code, exam code or name, ignoring case, 25 at most", async () => {
    const complete = (name: string, value: string) =>
      member.autocomplete(world.guild.id, channelId, `renewal ${name}`, { cert: value }, "cert");
    const byCode = await complete("renews", "ai");
    expect(byCode.map((choice) => choice.value).slice(0, 2)).toEqual(["AIF", "AIP"]);
    expect(byCode[0]?.name).toBe("AIF — AI Practitioner (AIF-C01)");
    const byName = await complete("renewed-by", "SECURITY");
    expect(byName.map((choice) => choice.value)).toEqual(expect.arrayContaining(["SCS", "GCP-PCSE"]));
    const byExamCode = await complete("renews", "dva-c0");
    expect(byExamCode.map((choice) => choice.value)).toEqual(["DVA"]);
    const everything = await complete("renews", "");
    expect(everything).toHaveLength(25);
    const path = await member.autocomplete(
      world.guild.id,
      channelId,
      "renewal path",
      { from: "AIP", to: "clou" },
      "to",
    );
    expect(path.map((choice) => choice.value)).toContain("CLF");
  });
});
