import type { Letter, Question } from "../questions/question.js";
import type { Track } from "../questions/track.js";
import type { Posting } from "./claim-posting.js";
import type { ReactionHolders } from "./reconcile.js";
import type { RevealData } from "./reveal.js";

/** Why Discord refused: decides whether to retry, pause, or tell the admin. */
export type PublishFailureKind = "missing-permission" | "channel-gone" | "transient";

export class PublishError extends Error {
  override name = "PublishError";
  constructor(
    readonly kind: PublishFailureKind,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What the quiz lifecycle needs from a chat platform. The Discord layer implements it; the core never
 * sees discord.js. Every method throws a PublishError when the platform refuses.
 */
export interface QuizPublisher {
  /** Sends the question with its answer reactions, in order; returns the message id. */
  postQuestion(
    target: { channelId: string; hiddenAnswers: boolean },
    posting: Posting,
    question: Question,
    track: Track,
  ): Promise<string>;
  /** Edits the question message to show that it closed and its answer. */
  showClosed(channelId: string, posting: Posting, question: Question, track: Track): Promise<void>;
  /** Posts the reveal; returns its message id. */
  postReveal(reveal: RevealData, track: Track): Promise<string>;
  /** Removes a member's reaction (hidden answers); may fail quietly when the bot lacks Manage Messages. */
  removeReaction(channelId: string, messageId: string, letter: Letter, userId: string): Promise<void>;
  /** Who holds each answer reaction on a message (the bot excluded). */
  readReactions(channelId: string, messageId: string, letters: readonly Letter[]): Promise<ReactionHolders>;
}
