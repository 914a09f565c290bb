import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member, OptionValue } from "../../src/discord-server/index.js";
import { freshId, seedGroup, seedMemberStats } from "../stats/seed.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

describe("/group through Discord", () => {
  let world: TestWorld;
  let channelId: string;
  let ada: Member;
  let bob: Member;
  let cy: Member;
  let admin: Member;
  let roleId: string;
  const run = (member: Member, name: string, options: Record<string, OptionValue> = {}) =>
    member.runCommand(world.guild.id, channelId, name, options);

  beforeAll(async () => {
    world = await startTestWorld();
    channelId = world.guild.createTextChannel({ name: "study" }).id;
    roleId = world.guild.createRole({ name: "builders" }).id;
    ada = world.guild.addMember({ username: "ada" });
    bob = world.guild.addMember({ username: "bob" });
    cy = world.guild.addMember({ username: "cy", roles: [roleId] });
    admin = world.guild.addMember({ username: "admin", permissions: PermissionFlagsBits.ManageGuild });
    await seedMemberStats(world.database.db, world.guild.id, {
      [ada.id]: { points: 10 },
      [bob.id]: { points: 2 },
      [cy.id]: { points: 6 },
    });
    await seedGroup(world.database.db, freshId(), "Hidden Elsewhere", [ada.id]);
  });
  afterAll(() => world.close());

  it("creates, joins, lists and leaves groups by name, case-insensitively", async () => {
    expect(await run(ada, "group create", { name: "Night Owls" })).toMatchObject({
      ephemeral: true,
      content: "Created **Night Owls**, and you are in it.",
    });
    expect((await run(bob, "group create", { name: "night owls" })).content).toBe(
      "**Night Owls** already exists: join it.",
    );
    expect((await run(bob, "group join", { name: "NIGHT OWLS" })).content).toBe("You joined **Night Owls**.");
    await run(bob, "group create", { name: "Builders" });
    const choices = await bob.autocomplete(world.guild.id, channelId, "group join", { name: "owl" }, "name");
    expect(choices).toEqual([{ name: "Night Owls", value: "Night Owls" }]);
    const list = await run(bob, "group list");
    expect(list.ephemeral).toBe(false);
    expect(list.content).toBe(
      "**Study groups**\n• **Builders** — 1 member · you're in\n• **Night Owls** — 2 members · you're in",
    );
    expect((await run(bob, "group leave", { name: "builders" })).content).toBe("You left **Builders**.");
    expect((await run(bob, "group join", { name: "Nope" })).content).toContain(
      "There is no group called **Nope**",
    );
  });

  it("keeps delete and link for members with Manage Server", async () => {
    const refused = await run(bob, "group delete", { name: "Night Owls" });
    expect(refused).toMatchObject({ ephemeral: true });
    expect(refused.content).toContain("Manage Server");
    const linked = await run(admin, "group link", { name: "builders", role: roleId });
    expect(linked.content).toBe(`Everyone with <@&${roleId}> now counts as a member of **Builders**.`);
    // cy holds the role: the group counts them once the bot has seen them.
    const list = await run(cy, "group list");
    expect(list.content).toContain(`• **Builders** — 1 member · role <@&${roleId}> · you're in`);
    expect(list.content).toContain("Groups linked to a role count the role's members I have seen");
    // The member cache keeps the bot and the holders of linked roles, no one else it has seen.
    const cached = world.bot.client.guilds.cache.get(world.guild.id)?.members.cache;
    expect([...(cached?.keys() ?? [])].sort()).toEqual([cy.id, world.server.bot.id].sort());
    expect([...world.bot.client.users.cache.keys()]).toEqual([world.server.bot.id]);
  });

  it("ranks groups by average points per active member, equal averages sharing a rank, noting how role-linked groups are counted", async () => {
    const standings = await run(cy, "group standings", { period: "all" });
    expect(standings.content).toBe(
      [
        "**Group standings, all time**",
        "**1.** **Night Owls** — 6.0 points per active member (12 points · 2 active of 2)",
        "**1.** **Builders** — 6.0 points per active member (6 points · 1 active of 1)",
        "-# Groups linked to a role count the role's members I have seen: Discord does not list a role's members to bots without the Server Members intent.",
      ].join("\n"),
    );
    expect(standings.content).not.toContain("Hidden Elsewhere");
  });

  it("lets an admin delete a group", async () => {
    expect((await run(admin, "group delete", { name: "night owls" })).content).toBe(
      "Deleted **Night Owls**.",
    );
    expect((await run(ada, "group list")).content).toContain("**Builders**");
    expect((await run(ada, "group list")).content).not.toContain("Night Owls");
  });
});
