// The one way commands answer a member, right in every interaction state. The dispatcher's own
// deferral goes through here too, and calls on one interaction run one after another, so a slow
// command's deferral never races its answer.
import {
  type BaseMessageOptions,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  MessageFlags,
} from "discord.js";

/** Who sees an answer: only the member who ran the command, or the whole channel. */
export type Visibility = "private" | "public";

type Message = string | BaseMessageOptions;

const queues = new WeakMap<ChatInputCommandInteraction, Promise<unknown>>();

function inTurn<T>(interaction: ChatInputCommandInteraction, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(interaction) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(work);
  queues.set(interaction, next);
  return next;
}

function withVisibility(payload: BaseMessageOptions, visibility: Visibility): InteractionReplyOptions {
  return visibility === "private" ? { ...payload, flags: MessageFlags.Ephemeral } : { ...payload };
}

/**
 * Answers the interaction: a reply if nothing was sent yet; the deferred reply's edit; a follow-up once
 * something was shown. A private answer after a public "thinking…" removes that placeholder and follows
 * up privately, so an error meant for one member never reaches the channel.
 */
export function respond(
  interaction: ChatInputCommandInteraction,
  message: Message,
  visibility: Visibility = "private",
): Promise<void> {
  const payload = typeof message === "string" ? { content: message } : message;
  return inTurn(interaction, async () => {
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(withVisibility(payload, visibility));
    } else if (interaction.deferred && !interaction.replied) {
      if (visibility === "private" && !interaction.ephemeral) {
        await interaction.deleteReply();
        await interaction.followUp(withVisibility(payload, "private"));
      } else {
        await interaction.editReply(payload);
      }
    } else {
      await interaction.followUp(withVisibility(payload, visibility));
    }
  });
}

/** Shows "thinking…" (to the channel or to the member) unless the interaction was already answered. */
export function deferAnswer(interaction: ChatInputCommandInteraction, visibility: Visibility): Promise<void> {
  return inTurn(interaction, async () => {
    if (interaction.deferred || interaction.replied) return;
    await interaction.deferReply(visibility === "private" ? { flags: MessageFlags.Ephemeral } : {});
  });
}
