import { PermissionFlagsBits as P } from "discord.js";
import type { ServerContext } from "../context.js";
import { HttpError, notAuthor, unknownChannel, unknownMessage } from "../errors.js";
import { messagePayload } from "../message-payloads.js";
import { createMessage, deleteMessage, EPHEMERAL, editMessage } from "../messages.js";
import { channelPayload } from "../payloads.js";
import { channelPermissions, requireChannelPermissions } from "../permissions.js";
import type { ChannelRecord, MessageRecord } from "../records.js";
import { json, noContent, type Router } from "../router.js";

/** Channels and their messages, as the bot reaches them. */
export function registerMessageRoutes(router: Router, ctx: ServerContext): void {
  const { state } = ctx;
  const bot = state.botUser.id;
  const view = (m: MessageRecord) => messagePayload(state, ctx.origin, m, bot);

  router.add("GET", "/channels/:channelId", ({ params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    return json(channelPayload(state, channel));
  });

  router.add(
    "POST",
    "/channels/:channelId/messages",
    ({ params, body, files }) => {
      const channel = visibleChannel(ctx, params.channelId);
      requireChannelPermissions(state, channel.id, bot, P.SendMessages);
      if (channel.type === 1 && channel.recipientIds.some((id) => state.users.get(id)?.dmsClosed)) {
        throw new HttpError(403, 50007, "Cannot send messages to this user");
      }
      if (files.length > 0) requireChannelPermissions(state, channel.id, bot, P.AttachFiles);
      // Discord drops embeds silently when the bot may not embed links.
      const embedsAllowed = (channelPermissions(state, channel.id, bot) & P.EmbedLinks) !== 0n;
      // Only interaction replies can be ephemeral.
      const cleaned = { ...body, flags: 0, ...(embedsAllowed ? {} : { embeds: [] }) };
      return json(view(createMessage(ctx, channel.id, bot, { body: cleaned, files })));
    },
    { bucket: "messages" },
  );

  router.add("GET", "/channels/:channelId/messages", ({ params, query }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireChannelPermissions(state, channel.id, bot, P.ReadMessageHistory);
    const limit = Math.min(100, Number(query.get("limit") ?? 50));
    const before = query.get("before");
    const after = query.get("after");
    let list = state.channelMessages(channel.id).filter((m) => (m.flags & EPHEMERAL) === 0);
    if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
    if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
    // Newest first, as Discord answers; `after` pages forward from the oldest.
    const page = after ? list.slice(0, limit) : list.slice(-limit);
    return json(page.reverse().map(view));
  });

  router.add("GET", "/channels/:channelId/messages/:messageId", ({ params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    requireChannelPermissions(state, channel.id, bot, P.ReadMessageHistory);
    return json(view(findMessage(ctx, channel.id, params.messageId)));
  });

  router.add("PATCH", "/channels/:channelId/messages/:messageId", ({ params, body, files }) => {
    const channel = visibleChannel(ctx, params.channelId);
    const message = findMessage(ctx, channel.id, params.messageId);
    if (message.authorId !== bot || message.webhookId !== null) throw notAuthor();
    return json(view(editMessage(ctx, message, { body, files })));
  });

  router.add("DELETE", "/channels/:channelId/messages/:messageId", ({ params }) => {
    const channel = visibleChannel(ctx, params.channelId);
    const message = findMessage(ctx, channel.id, params.messageId);
    if (message.authorId !== bot) requireChannelPermissions(state, channel.id, bot, P.ManageMessages);
    deleteMessage(ctx, message);
    return noContent();
  });

  router.add("POST", "/channels/:channelId/typing", ({ params }) => {
    visibleChannel(ctx, params.channelId);
    return noContent();
  });
}

/** The channel, if it exists and the bot can see it (404 10003 / 403 50001 otherwise). */
export function visibleChannel(ctx: ServerContext, channelId: string | undefined): ChannelRecord {
  const channel = ctx.state.channels.get(channelId ?? "");
  if (!channel) throw unknownChannel();
  if (channelPermissions(ctx.state, channel.id, ctx.state.botUser.id) === 0n) {
    throw new HttpError(403, 50001, "Missing Access");
  }
  return channel;
}

export function findMessage(
  ctx: ServerContext,
  channelId: string,
  messageId: string | undefined,
): MessageRecord {
  const message = ctx.state.messages.get(messageId ?? "");
  if (!message || message.channelId !== channelId || (message.flags & EPHEMERAL) !== 0)
    throw unknownMessage();
  return message;
}
