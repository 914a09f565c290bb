import { PermissionFlagsBits as P } from "discord.js";
import type { DiscordServer, Member, TestGuild } from "../discord-server/index.js";

/** The server a visitor finds: a study group with a quiz channel, an organiser and a few members. */
export interface PlaygroundWorld {
  guild: TestGuild;
  channels: Array<{ id: string; name: string }>;
  /** The organiser first; ids in the order the member switcher lists them. */
  members: Array<{ member: Member; admin: boolean }>;
}

const MEMBERS = [
  { username: "organiser", admin: true },
  { username: "ada", admin: false },
  { username: "bob", admin: false },
  { username: "chen", admin: false },
] as const;

export function createPlaygroundWorld(server: DiscordServer): PlaygroundWorld {
  const guild = server.createGuild({ name: "AWS Study Group" });
  const channels = ["daily-question", "general"].map((name) => guild.createTextChannel({ name }));
  const members = MEMBERS.map(({ username, admin }) => ({
    member: guild.addMember(admin ? { username, permissions: P.ManageGuild } : { username }),
    admin,
  }));
  return { guild, channels, members };
}
