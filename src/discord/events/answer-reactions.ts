import {
  type Client,
  Events,
  type MessageReaction,
  type PartialMessageReaction,
  type PartialUser,
  Routes,
  type User,
} from "discord.js";
import type { AppContext } from "../../context.js";
import { findQuestion } from "../../questions/find-question.js";
import { findPosting } from "../../quiz/claim-posting.js";
import { answerCount, recordAnswer } from "../../quiz/record-answer.js";
import { answerEmoji, letterOfEmoji } from "../answer-emoji.js";
import { questionEmbed } from "../render/question.js";

/** Live "N answers so far" edits wait this long, so a burst of answers makes one edit, within Discord's limits. */
const countEditDelayMs = 3_000;

/**
 * Turns answer reactions into recorded answers. Works on uncached messages (partials): the message id is
 * all that is needed. Tidies reactions where the answer policy asks for it and the bot may.
 */
export function listenForAnswers(
  client: Client,
  ctx: AppContext,
  track: (work: Promise<unknown>) => void,
  /** Called with a message whose reaction could not be recorded (e.g. the database was down): reconcile it later. */
  onMissed: (messageId: string) => void,
): () => void {
  const pendingCountEdits = new Map<string, NodeJS.Timeout>();

  const handle = async (
    reaction: MessageReaction | PartialMessageReaction,
    user: User | PartialUser,
    change: "add" | "remove",
  ) => {
    if (user.bot || user.id === client.user?.id) return;
    const letter = letterOfEmoji(reaction.emoji.name);
    if (!letter) return;
    const { channelId, id: messageId } = reaction.message;
    const log = ctx.log.child({ guildId: reaction.message.guildId, channelId, messageId, userId: user.id });
    const outcome = await recordAnswer(ctx.db, {
      messageId,
      userId: user.id,
      letter,
      change,
      at: ctx.clock.now(),
    });
    const removeReaction = (emoji: string) =>
      client.rest
        .delete(Routes.channelMessageUserReaction(channelId, messageId, encodeURIComponent(emoji), user.id))
        .catch((error) => log.warn({ err: error }, "could not remove a member's reaction"));

    if (outcome.kind === "locked" && change === "add") await removeReaction(answerEmoji[letter]);
    if (outcome.kind !== "recorded") return;
    log.debug(
      { postingId: outcome.postingId, choices: outcome.choices, replaced: outcome.replaced },
      "answer recorded",
    );
    if (outcome.hiddenAnswers) {
      await removeReaction(answerEmoji[letter]);
      scheduleCountEdit(outcome.postingId, channelId, messageId);
    }
    for (const previous of outcome.replaced) await removeReaction(answerEmoji[previous]);
  };

  function scheduleCountEdit(postingId: number, channelId: string, messageId: string) {
    if (pendingCountEdits.has(messageId)) return;
    const timer = setTimeout(() => {
      pendingCountEdits.delete(messageId);
      track(editCount(postingId, channelId, messageId));
    }, countEditDelayMs);
    pendingCountEdits.set(messageId, timer);
  }

  async function editCount(postingId: number, channelId: string, messageId: string) {
    try {
      const posting = await findPosting(ctx.db, postingId);
      const stored = posting && (await findQuestion(ctx.db, posting.questionId, posting.questionRevision));
      const trackData = stored && ctx.tracks.get(stored.question.exam);
      if (!posting || !stored || !trackData || posting.closedAt) return;
      const answersSoFar = await answerCount(ctx.db, postingId);
      const embed = questionEmbed(stored.question, trackData, {
        sequence: posting.sequence,
        closesAt: posting.closesAt,
        answersSoFar,
      });
      await client.rest.patch(Routes.channelMessage(channelId, messageId), { body: { embeds: [embed] } });
    } catch (error) {
      ctx.log.warn({ err: error, postingId }, "could not update the answer count");
    }
  }

  // One member's reactions on one message are handled in the order they came, so quick changes
  // ("A… no, B") end as the member left them.
  const queues = new Map<string, Promise<void>>();
  const listener =
    (change: "add" | "remove") =>
    (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser) => {
      const key = `${reaction.message.id}:${user.id}`;
      const run: Promise<void> = (queues.get(key) ?? Promise.resolve())
        .then(() => handle(reaction, user, change))
        .catch((error) => {
          ctx.log.error(
            { err: error, messageId: reaction.message.id },
            "recording an answer failed; will reconcile",
          );
          onMissed(reaction.message.id);
        })
        .finally(() => {
          if (queues.get(key) === run) queues.delete(key);
        });
      queues.set(key, run);
      track(run);
    };
  const onAdd = listener("add");
  const onRemove = listener("remove");
  client.on(Events.MessageReactionAdd, onAdd);
  client.on(Events.MessageReactionRemove, onRemove);
  return () => {
    for (const timer of pendingCountEdits.values()) clearTimeout(timer);
    client.off(Events.MessageReactionAdd, onAdd);
    client.off(Events.MessageReactionRemove, onRemove);
  };
}
