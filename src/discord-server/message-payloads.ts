import type { APIAttachment, APIMessage, APIReaction } from "discord.js";
import { memberPayload, userPayload } from "./payloads.js";
import type { MessageRecord } from "./records.js";
import type { State } from "./state.js";

/** Messages as the bot receives them, in REST answers and gateway dispatches. */

export function attachmentPayload(origin: string, message: MessageRecord): APIAttachment[] {
  return message.attachments.map((a) => {
    const url = `${origin}/attachments/${message.channelId}/${a.id}/${encodeURIComponent(a.filename)}`;
    return {
      id: a.id,
      filename: a.filename,
      size: a.bytes.length,
      url,
      proxy_url: url,
      content_type: a.contentType,
      ...(a.description === null ? {} : { description: a.description }),
    };
  });
}

/** A message as the bot receives it; `viewerId` decides the `me` flag on reactions. */
export function messagePayload(
  state: State,
  origin: string,
  message: MessageRecord,
  viewerId: string,
): APIMessage {
  const author = state.users.get(message.authorId) ?? state.botUser;
  const reactions: APIReaction[] = message.reactions.map((r) => ({
    emoji: { id: r.emoji.id, name: r.emoji.name },
    count: r.userIds.length,
    count_details: { burst: 0, normal: r.userIds.length },
    burst_colors: [],
    me: r.userIds.includes(viewerId),
    me_burst: false,
  }));
  const interactionUser = message.interaction ? state.users.get(message.interaction.userId) : undefined;
  const payload: APIMessage & { guild_id?: string } = {
    id: message.id,
    channel_id: message.channelId,
    author: userPayload(author),
    content: message.content,
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentPayload(origin, message),
    embeds: message.embeds,
    pinned: false,
    type: message.interaction ? 20 : 0,
    flags: message.flags,
    components: message.components as APIMessage["components"],
    ...(reactions.length > 0 ? { reactions } : {}),
    ...(message.webhookId ? { webhook_id: message.webhookId, application_id: state.applicationId } : {}),
    ...(message.interaction && interactionUser
      ? {
          interaction_metadata: {
            id: message.interaction.id,
            type: message.interaction.type,
            user: userPayload(interactionUser),
            authorizing_integration_owners: {},
          } as APIMessage["interaction_metadata"],
        }
      : {}),
  };
  if (message.guildId !== null) payload.guild_id = message.guildId;
  return payload;
}

/** The dispatch form adds the author's guild member (without the user). */
export function messageDispatchPayload(
  state: State,
  origin: string,
  message: MessageRecord,
): Record<string, unknown> {
  const payload: Record<string, unknown> = { ...messagePayload(state, origin, message, state.botUser.id) };
  if (message.guildId !== null) {
    const member = memberPayload(state, message.guildId, message.authorId);
    if (member) {
      const { user: _user, ...rest } = member;
      payload.member = rest;
    }
  }
  return payload;
}
