import type { APIEmbed } from "discord.js";
import { emojiText } from "./emoji.js";
import { EPHEMERAL, LOADING } from "./messages.js";
import { channelPermissions } from "./permissions.js";
import type { MessageRecord } from "./records.js";
import type { State } from "./state.js";

/** Messages as a person in the channel sees them: what tests assert on. */

export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string;
  /** The file's bytes exactly as the bot uploaded them. */
  bytes: Buffer;
  url: string;
}

export interface ReactionView {
  /** The unicode emoji, or "name:id" for a custom one. */
  emoji: string;
  count: number;
  /** Who reacted, in the order they did. */
  userIds: string[];
}

export interface ButtonView {
  customId: string;
  label: string;
  disabled: boolean;
  /** 1 primary, 2 secondary, 3 success, 4 danger, 5 link. */
  style: number;
}

export interface MessageView {
  id: string;
  channelId: string;
  authorId: string;
  content: string;
  embeds: APIEmbed[];
  components: unknown[];
  /** The message's buttons, row by row, left to right. */
  buttons: ButtonView[];
  attachments: AttachmentView[];
  /** In the order the emojis were first added. */
  reactions: ReactionView[];
  /** Only the member who ran the command sees an ephemeral reply. */
  ephemeral: boolean;
  /** A deferred reply the bot has not edited yet ("is thinking…"). */
  loading: boolean;
  editedAt: Date | null;
  /** Every version, oldest first; `history.length - 1` is the number of edits. */
  history: Array<{ content: string; embeds: APIEmbed[] }>;
  /** `allowed_mentions` as the bot sent it; null means Discord's default (mentions ping). */
  allowedMentions: unknown;
  /** The command name when the message answers an interaction. */
  interactionName: string | null;
  /** Who used the command (or clicked the button) the message answers. */
  interactionUserId: string | null;
}

export function messageView(origin: string, m: MessageRecord): MessageView {
  return {
    id: m.id,
    channelId: m.channelId,
    authorId: m.authorId,
    content: m.content,
    embeds: structuredClone(m.embeds),
    components: structuredClone(m.components),
    buttons: buttonsOf(m),
    attachments: m.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      contentType: a.contentType,
      bytes: Buffer.from(a.bytes),
      url: `${origin}/attachments/${m.channelId}/${a.id}/${encodeURIComponent(a.filename)}`,
    })),
    reactions: m.reactions.map((r) => ({
      emoji: emojiText(r.emoji),
      count: r.userIds.length,
      userIds: [...r.userIds],
    })),
    ephemeral: (m.flags & EPHEMERAL) !== 0,
    loading: (m.flags & LOADING) !== 0,
    editedAt: m.editedAt === null ? null : new Date(m.editedAt),
    history: structuredClone(m.history),
    allowedMentions: structuredClone(m.allowedMentions),
    interactionName: m.interaction?.name ?? null,
    interactionUserId: m.interaction?.userId ?? null,
  };
}

/** Can `userId` see this message? Ephemeral ones only their member; others need View Channel. */
export function canSee(state: State, m: MessageRecord, userId: string): boolean {
  if ((m.flags & EPHEMERAL) !== 0) return m.interaction?.userId === userId;
  return channelPermissions(state, m.channelId, userId) !== 0n;
}

/** Every message of the channel the viewer can see, oldest first. */
export function channelView(
  state: State,
  origin: string,
  channelId: string,
  viewerId: string | null,
): MessageView[] {
  return state
    .channelMessages(channelId)
    .filter((m) => (viewerId === null ? (m.flags & EPHEMERAL) === 0 : canSee(state, m, viewerId)))
    .map((m) => messageView(origin, m));
}

/** Every button on a message, row by row. */
export function buttonsOf(m: MessageRecord): ButtonView[] {
  const rows = m.components as Array<{ components?: Array<Record<string, unknown>> }>;
  return rows.flatMap((row) =>
    (row.components ?? []).map((button) => ({
      customId: String(button.custom_id ?? ""),
      label: String(button.label ?? ""),
      disabled: button.disabled === true,
      style: Number(button.style ?? 0),
    })),
  );
}
