import { Intent, type ServerContext } from "./context.js";
import { emptyMessage } from "./errors.js";
import { messageDispatchPayload } from "./message-payloads.js";
import type { AttachmentRecord, MessageRecord } from "./records.js";
import type { UploadedFile } from "./router.js";
import { snowflake } from "./state.js";
import { validateComponents, validateContent, validateEmbeds } from "./validate.js";

/** Creating, editing and deleting messages, shared by the REST routes, interactions and actors. */

export const EPHEMERAL = 64;
export const LOADING = 128;

export interface MessageInput {
  body: Record<string, unknown>;
  files: UploadedFile[];
}

type Extras = Partial<Pick<MessageRecord, "flags" | "interaction" | "webhookId">>;

export function createMessage(
  ctx: ServerContext,
  channelId: string,
  authorId: string,
  input: MessageInput,
  extras: Extras = {},
): MessageRecord {
  const channel = ctx.state.channels.get(channelId);
  const content = validateContent(input.body.content);
  const embeds = validateEmbeds(input.body.embeds);
  const components = validateComponents(input.body.components);
  const attachments = newAttachments(input);
  const loading = ((extras.flags ?? 0) & LOADING) !== 0;
  if (
    !loading &&
    content === "" &&
    embeds.length === 0 &&
    attachments.length === 0 &&
    components.length === 0
  ) {
    throw emptyMessage();
  }
  const flags = (extras.flags ?? 0) | (Number(input.body.flags ?? 0) & EPHEMERAL);
  const message: MessageRecord = {
    id: snowflake(),
    channelId,
    guildId: channel?.guildId ?? null,
    authorId,
    content,
    embeds,
    components,
    attachments,
    reactions: [],
    createdAt: Date.now(),
    editedAt: null,
    flags,
    interaction: extras.interaction ?? null,
    webhookId: extras.webhookId ?? null,
    allowedMentions: input.body.allowed_mentions ?? null,
    history: [{ content, embeds }],
  };
  ctx.state.messages.set(message.id, message);
  announce(ctx, "MESSAGE_CREATE", message);
  return message;
}

/** Apply the fields present in an edit body; attachments not listed in `attachments` are dropped. */
export function editMessage(ctx: ServerContext, message: MessageRecord, input: MessageInput): MessageRecord {
  const { body } = input;
  if ("content" in body) message.content = validateContent(body.content);
  if ("embeds" in body) message.embeds = validateEmbeds(body.embeds);
  if ("components" in body) message.components = validateComponents(body.components);
  if (Array.isArray(body.attachments)) {
    const kept = new Set(body.attachments.map((a: { id?: unknown }) => String(a.id)));
    message.attachments = message.attachments.filter((a) => kept.has(a.id));
  }
  message.attachments.push(...newAttachments(input));
  message.flags &= ~LOADING;
  message.editedAt = Date.now();
  message.history.push({ content: message.content, embeds: message.embeds });
  announce(ctx, "MESSAGE_UPDATE", message);
  return message;
}

export function deleteMessage(ctx: ServerContext, message: MessageRecord): void {
  ctx.state.messages.delete(message.id);
  if ((message.flags & EPHEMERAL) === 0) {
    const intent = message.guildId === null ? Intent.DirectMessages : Intent.GuildMessages;
    const data = { id: message.id, channel_id: message.channelId, guild_id: message.guildId ?? undefined };
    ctx.dispatch("MESSAGE_DELETE", intent, data);
  }
  ctx.state.changed();
}

/** Gateway dispatch for a new or edited message; ephemeral messages never reach the gateway. */
function announce(ctx: ServerContext, event: string, message: MessageRecord): void {
  if ((message.flags & EPHEMERAL) === 0) {
    const intent = message.guildId === null ? Intent.DirectMessages : Intent.GuildMessages;
    ctx.dispatch(event, intent, (intents: number) => {
      const payload = messageDispatchPayload(ctx.state, ctx.origin, message);
      // Without Message Content the bot sees only its own messages' content (and DMs).
      const hidden = message.guildId !== null && message.authorId !== ctx.state.botUser.id;
      if (hidden && (intents & Intent.MessageContent) === 0) {
        return { ...payload, content: "", embeds: [], attachments: [], components: [] };
      }
      return payload;
    });
  }
  ctx.state.changed();
}

function newAttachments(input: MessageInput): AttachmentRecord[] {
  const described = Array.isArray(input.body.attachments)
    ? (input.body.attachments as Array<{ id?: unknown; description?: unknown; filename?: unknown }>)
    : [];
  return input.files.map((file) => {
    const meta = described.find((a) => String(a.id) === String(file.index));
    return {
      id: snowflake(),
      filename: typeof meta?.filename === "string" ? meta.filename : file.filename,
      contentType: file.contentType,
      bytes: file.bytes,
      description: typeof meta?.description === "string" ? meta.description : null,
    };
  });
}
