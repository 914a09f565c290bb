import { PermissionFlagsBits as P } from "discord.js";
import { Intent, type ServerContext } from "../context.js";
import { parseEmoji, sameEmoji } from "../emoji.js";
import { memberPayload, userPayload } from "../payloads.js";
import { requireChannelPermissions } from "../permissions.js";
import type { EmojiRef, MessageRecord } from "../records.js";
import { json, noContent, type Router } from "../router.js";
import { findMessage, visibleChannel } from "./messages.js";

/** Reactions: the bot's own (PUT/DELETE @me), removing a member's, and listing who reacted. */
export function registerReactionRoutes(router: Router, ctx: ServerContext): void {
  const { state } = ctx;
  const bot = state.botUser.id;
  const base = "/channels/:channelId/messages/:messageId/reactions";
  const target = (params: Record<string, string>): MessageRecord => {
    const channel = visibleChannel(ctx, params.channelId);
    requireChannelPermissions(state, channel.id, bot, P.ReadMessageHistory);
    return findMessage(ctx, channel.id, params.messageId);
  };
  const reactionRoute = { bucket: "reactions" } as const;

  router.add(
    "PUT",
    `${base}/:emoji/:userId`,
    ({ params }) => {
      const message = target(params);
      addReaction(ctx, message, bot, parseEmoji(params.emoji ?? ""));
      return noContent();
    },
    reactionRoute,
  );

  router.add(
    "DELETE",
    `${base}/:emoji/:userId`,
    ({ params }) => {
      const message = target(params);
      const userId = params.userId === "@me" ? bot : (params.userId ?? "");
      if (userId !== bot) requireChannelPermissions(state, message.channelId, bot, P.ManageMessages);
      removeReaction(ctx, message, userId, parseEmoji(params.emoji ?? ""));
      return noContent();
    },
    reactionRoute,
  );

  router.add("GET", `${base}/:emoji`, ({ params, query }) => {
    const message = target(params);
    const emoji = parseEmoji(params.emoji ?? "");
    const limit = Math.min(100, Math.max(1, Number(query.get("limit") ?? 25)));
    const after = BigInt(query.get("after") ?? 0);
    const ids = message.reactions.find((r) => sameEmoji(r.emoji, emoji))?.userIds ?? [];
    const page = [...ids]
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
      .filter((id) => BigInt(id) > after)
      .slice(0, limit);
    return json(
      page.flatMap((id) => {
        const user = state.users.get(id);
        return user ? [userPayload(user)] : [];
      }),
    );
  });

  router.add(
    "DELETE",
    base,
    ({ params }) => {
      const message = target(params);
      requireChannelPermissions(state, message.channelId, bot, P.ManageMessages);
      message.reactions = [];
      const intent = message.guildId ? Intent.GuildMessageReactions : Intent.DirectMessageReactions;
      const data = {
        channel_id: message.channelId,
        message_id: message.id,
        guild_id: message.guildId ?? undefined,
      };
      ctx.dispatch("MESSAGE_REACTION_REMOVE_ALL", intent, data);
      state.changed();
      return noContent();
    },
    reactionRoute,
  );
}

/** Add a reaction by `userId` (bot or member) and tell the gateway; adding it twice does nothing. */
export function addReaction(
  ctx: ServerContext,
  message: MessageRecord,
  userId: string,
  emoji: EmojiRef,
): void {
  let reaction = message.reactions.find((r) => sameEmoji(r.emoji, emoji));
  // Reacting with an emoji nobody used yet needs Add Reactions; joining an existing one does not.
  if (!reaction) requireChannelPermissions(ctx.state, message.channelId, userId, P.AddReactions);
  if (reaction?.userIds.includes(userId)) return;
  if (!reaction) {
    reaction = { emoji, userIds: [] };
    message.reactions.push(reaction);
  }
  reaction.userIds.push(userId);
  const member = message.guildId ? memberPayload(ctx.state, message.guildId, userId) : null;
  announce(ctx, "MESSAGE_REACTION_ADD", message, userId, emoji, member ? { member } : {});
}

export function removeReaction(
  ctx: ServerContext,
  message: MessageRecord,
  userId: string,
  emoji: EmojiRef,
): void {
  const reaction = message.reactions.find((r) => sameEmoji(r.emoji, emoji));
  if (!reaction?.userIds.includes(userId)) return;
  reaction.userIds = reaction.userIds.filter((id) => id !== userId);
  if (reaction.userIds.length === 0) message.reactions = message.reactions.filter((r) => r !== reaction);
  announce(ctx, "MESSAGE_REACTION_REMOVE", message, userId, emoji, {});
}

function announce(
  ctx: ServerContext,
  event: string,
  message: MessageRecord,
  userId: string,
  emoji: EmojiRef,
  extra: Record<string, unknown>,
): void {
  const intent = message.guildId ? Intent.GuildMessageReactions : Intent.DirectMessageReactions;
  ctx.dispatch(event, intent, {
    user_id: userId,
    channel_id: message.channelId,
    message_id: message.id,
    ...(message.guildId ? { guild_id: message.guildId } : {}),
    emoji: { id: emoji.id, name: emoji.name },
    message_author_id: message.authorId,
    burst: false,
    type: 0,
    ...extra,
  });
  ctx.state.changed();
}
