import type { ServerContext } from "../context.js";
import {
  alreadyAcknowledged,
  HttpError,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from "../errors.js";
import { messagePayload } from "../message-payloads.js";
import {
  createMessage,
  deleteMessage,
  EPHEMERAL,
  editMessage,
  LOADING,
  type MessageInput,
} from "../messages.js";
import type { InteractionRecord, MessageRecord } from "../records.js";
import { json, noContent, type RestRequest, type Router } from "../router.js";

/** Interaction callbacks, and the webhook routes for `@original` and follow-ups. No bot token on these. */
export function registerInteractionRoutes(router: Router, ctx: ServerContext): void {
  const view = (m: MessageRecord) => messagePayload(ctx.state, ctx.origin, m, ctx.state.botUser.id);
  const open = { auth: false } as const;

  router.add("POST", "/interactions/:interactionId/:token/callback", (req) => respond(ctx, req), open);

  const original = "/webhooks/:appId/:token/messages/:messageId";
  router.add("GET", original, (req) => json(view(webhookMessage(ctx, req))), open);
  router.add(
    "PATCH",
    original,
    (req) => {
      const interaction = byToken(ctx, req);
      const message = webhookMessage(ctx, req);
      editMessage(ctx, message, req);
      if (message.id === interaction.originalMessageId) settle(ctx, interaction, message.id);
      return json(view(message));
    },
    open,
  );
  router.add(
    "DELETE",
    original,
    (req) => {
      deleteMessage(ctx, webhookMessage(ctx, req));
      return noContent();
    },
    open,
  );

  router.add(
    "POST",
    "/webhooks/:appId/:token",
    (req) => {
      const interaction = byToken(ctx, req);
      if (interaction.callbackType === null) throw unknownWebhook();
      // After a defer, the first follow-up replaces "thinking…", as on Discord.
      const loading = ctx.state.messages.get(interaction.originalMessageId ?? "");
      const message =
        loading && (loading.flags & LOADING) !== 0
          ? editMessage(ctx, loading, req)
          : reply(ctx, interaction, req, 0);
      if (interaction.outcome === null) settle(ctx, interaction, message.id);
      ctx.state.changed();
      return req.query.get("wait") === "false" ? noContent() : json(view(message));
    },
    open,
  );
}

function respond(ctx: ServerContext, req: RestRequest) {
  const interaction = ctx.state.interactions.get(req.params.interactionId ?? "");
  if (!interaction || interaction.token !== req.params.token) throw unknownInteraction();
  if (interaction.callbackType !== null) throw alreadyAcknowledged();
  if (Date.now() - interaction.createdAt > ctx.interactionResponseTimeoutMs) throw unknownInteraction();
  const type = Number(req.body.type);
  const data = (req.body.data ?? {}) as Record<string, unknown>;
  const input = { body: data, files: req.files };
  let message: MessageRecord | null = null;
  interaction.callbackType = type;
  switch (type) {
    case 4:
      message = reply(ctx, interaction, input, 0);
      interaction.originalMessageId = message.id;
      settle(ctx, interaction, message.id);
      break;
    case 5:
      message = reply(ctx, interaction, input, LOADING);
      interaction.originalMessageId = message.id;
      break;
    case 6:
      break;
    case 7:
      message = clickedMessage(ctx, interaction);
      editMessage(ctx, message, input);
      settle(ctx, interaction, message.id);
      break;
    case 8:
      interaction.outcome = { kind: "choices", choices: (data.choices ?? []) as never };
      break;
    case 9:
      interaction.outcome = { kind: "modal", data };
      break;
    default:
      interaction.callbackType = null;
      throw new HttpError(400, 50035, `Invalid Form Body: unknown interaction callback type ${type}`);
  }
  ctx.state.changed();
  if (req.query.get("with_response") !== "true") return noContent();
  const view = message ? messagePayload(ctx.state, ctx.origin, message, ctx.state.botUser.id) : undefined;
  return json({
    interaction: {
      id: interaction.id,
      type: interaction.type,
      response_message_id: message?.id,
      response_message_loading: type === 5,
      response_message_ephemeral: message ? (message.flags & EPHEMERAL) !== 0 : false,
    },
    resource: { type, ...(view ? { message: view } : {}) },
  });
}

/** A message sent as the interaction's answer: by the bot, through the application's webhook. */
function reply(ctx: ServerContext, interaction: InteractionRecord, input: MessageInput, flags: number) {
  const meta = {
    id: interaction.id,
    name: interaction.name,
    userId: interaction.userId,
    type: interaction.type,
  };
  return createMessage(ctx, interaction.channelId, ctx.state.botUser.id, input, {
    flags,
    interaction: meta,
    webhookId: ctx.state.applicationId,
  });
}

/** What the member now sees as the answer; waiters re-check. */
function settle(ctx: ServerContext, interaction: InteractionRecord, messageId: string): void {
  interaction.outcome = { kind: "message", messageId };
  ctx.state.changed();
}

function clickedMessage(ctx: ServerContext, interaction: InteractionRecord): MessageRecord {
  const message = ctx.state.messages.get(interaction.originalMessageId ?? "");
  if (!message) throw unknownMessage();
  return message;
}

/** Interaction tokens work as webhook tokens for 15 minutes. */
function byToken(ctx: ServerContext, { params }: RestRequest): InteractionRecord {
  if (params.appId !== ctx.state.applicationId) throw unknownWebhook();
  const interaction = [...ctx.state.interactions.values()].find((i) => i.token === params.token);
  if (!interaction || Date.now() - interaction.createdAt > 15 * 60_000) throw unknownWebhook();
  return interaction;
}

function webhookMessage(ctx: ServerContext, req: RestRequest): MessageRecord {
  const interaction = byToken(ctx, req);
  const id = req.params.messageId === "@original" ? interaction.originalMessageId : req.params.messageId;
  const message = ctx.state.messages.get(id ?? "");
  if (!message || message.interaction?.id !== interaction.id) {
    // A component's message was not sent by this interaction, but `@original` still names it.
    if (message && id === interaction.originalMessageId) return message;
    throw unknownMessage();
  }
  return message;
}
