import type { DiscordServer, MessageView } from "../discord-server/index.js";
import type { PlaygroundWorld } from "./world.js";

/** What the page draws: messages as the chosen member sees them, and the server around them. */

const DISCORD_EPOCH = 1_420_070_400_000n;

export interface PageMessage {
  id: string;
  authorId: string;
  createdAt: number;
  content: string;
  embeds: MessageView["embeds"];
  components: unknown[];
  attachments: Array<{ filename: string; contentType: string; url: string }>;
  reactions: Array<{ emoji: string; count: number; me: boolean }>;
  ephemeral: boolean;
  loading: boolean;
  edited: boolean;
  interaction: { name: string; userId: string | null } | null;
}

export function pageMessage(view: MessageView, viewerId: string): PageMessage {
  return {
    id: view.id,
    authorId: view.authorId,
    createdAt: Number((BigInt(view.id) >> 22n) + DISCORD_EPOCH),
    content: view.content,
    embeds: view.embeds,
    components: view.components,
    attachments: view.attachments.map(({ filename, contentType, url }) => ({ filename, contentType, url })),
    reactions: view.reactions.map((r) => ({
      emoji: r.emoji,
      count: r.count,
      me: r.userIds.includes(viewerId),
    })),
    ephemeral: view.ephemeral,
    loading: view.loading,
    edited: view.editedAt !== null,
    interaction: view.interactionName ? { name: view.interactionName, userId: view.interactionUserId } : null,
  };
}

/** The registered commands a member can pick from: the guild's, then global ones it does not shadow. */
export function pickableCommands(server: DiscordServer, guildId: string) {
  const local = server.commands(guildId);
  const global = server.commands().filter((c) => !local.some((l) => l.name === c.name));
  return [...local, ...global].sort((a, b) => a.name.localeCompare(b.name));
}

export function worldSummary(server: DiscordServer, world: PlaygroundWorld) {
  return {
    guild: { id: world.guild.id, name: world.guild.name },
    bot: server.bot,
    channels: world.channels,
    members: world.members.map(({ member, admin }) => ({ id: member.id, username: member.username, admin })),
  };
}
