import {
  type Client,
  Events,
  type MessageReaction,
  type PartialMessageReaction,
  type PartialUser,
  type User,
} from "discord.js";
import type { AppContext } from "../../context.js";
import type { AnswerIngest } from "../../quiz/answer-ingest.js";
import { letterOfEmoji } from "../answer-emoji.js";

/**
 * Turns answer reactions into events for the answer ingest, in the order the gateway delivers them.
 * Works on uncached messages (partials): the message id is all that is needed. No database work here:
 * the ingest writes events in batches, and tidies reactions through the quiz publisher.
 */
export function listenForAnswers(client: Client, ctx: AppContext, ingest: AnswerIngest): () => void {
  const listener =
    (change: "add" | "remove") =>
    (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser) => {
      if (user.bot || user.id === client.user?.id) return;
      const letter = letterOfEmoji(reaction.emoji.name);
      if (!letter) return;
      ingest.push({ messageId: reaction.message.id, userId: user.id, letter, change, at: ctx.clock.now() });
    };
  const onAdd = listener("add");
  const onRemove = listener("remove");
  client.on(Events.MessageReactionAdd, onAdd);
  client.on(Events.MessageReactionRemove, onRemove);
  return () => {
    client.off(Events.MessageReactionAdd, onAdd);
    client.off(Events.MessageReactionRemove, onRemove);
  };
}
