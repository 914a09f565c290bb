import type { APIEmbed } from "discord.js";

/** The records the fake Discord keeps; payloads turn them into API objects. */

export interface UserRecord {
  id: string;
  username: string;
  bot: boolean;
  /** The member closed DMs from server members: the bot gets 50007 when it DMs them. */
  dmsClosed?: boolean;
}

export interface RoleRecord {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
}

export type OverwriteType = "role" | "member";

export interface OverwriteRecord {
  id: string;
  type: OverwriteType;
  allow: bigint;
  deny: bigint;
}

export interface ChannelRecord {
  id: string;
  /** null for a DM channel. */
  guildId: string | null;
  name: string;
  /** 0 guild text, 1 DM. */
  type: 0 | 1;
  position: number;
  overwrites: OverwriteRecord[];
  recipientIds: string[];
}

export interface MemberRecord {
  userId: string;
  guildId: string;
  roleIds: string[];
  joinedAt: string;
}

export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
}

export interface AttachmentRecord {
  id: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
  description: string | null;
}

export interface EmojiRef {
  id: string | null;
  name: string;
}

export interface ReactionRecord {
  emoji: EmojiRef;
  /** In the order the reactions were added. */
  userIds: string[];
}

export interface MessageRecord {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  embeds: APIEmbed[];
  components: unknown[];
  attachments: AttachmentRecord[];
  reactions: ReactionRecord[];
  createdAt: number;
  editedAt: number | null;
  /** 64 ephemeral, 128 loading ("is thinking…"). */
  flags: number;
  /** Set for messages sent through an interaction: only this user sees an ephemeral one. */
  interaction: { id: string; name: string; userId: string; type: number } | null;
  webhookId: string | null;
  /** `allowed_mentions` as sent; null means Discord's default, which pings whatever the text mentions. */
  allowedMentions: unknown;
  /** Every version of the message, oldest first (content and embeds), so tests can see edits. */
  history: Array<{ content: string; embeds: APIEmbed[] }>;
}

export interface CommandRecord {
  id: string;
  guildId: string | null;
  name: string;
  version: string;
  /** The body the bot registered, as sent (options, description, type …). */
  body: Record<string, unknown>;
}

export type InteractionOutcome =
  | { kind: "message"; messageId: string }
  | { kind: "choices"; choices: Array<{ name: string; value: string | number }> }
  | { kind: "modal"; data: Record<string, unknown> };

export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  guildId: string | null;
  channelId: string;
  userId: string;
  createdAt: number;
  /** null until the bot's first callback. */
  callbackType: number | null;
  /** The message `@original` refers to (the reply, or the clicked message for a component). */
  originalMessageId: string | null;
  outcome: InteractionOutcome | null;
  name: string;
}
