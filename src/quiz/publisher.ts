import type { Letter, Question } from "../questions/question.js";
import type { Track } from "../questions/track.js";
import type { ReactionHolders } from "./answers.js";
import type { Posting } from "./postings.js";
import type { RevealData } from "./reveal.js";

/** Why Discord refused: decides whether to retry, pause, or tell the admin. */
export type PublishFailureKind = "missing-permission" | "channel-gone" | "message-gone" | "transient";

export class PublishError extends Error {
  override name = "PublishError";
  /** `message` is for the admin (/quiz status); `cause` is what the platform said, for the log. */
  constructor(
    readonly kind: PublishFailureKind,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

/** A posted question as the platform shows it: the posting, its question revision and public number. */
export interface ShownQuestion {
  posting: Posting;
  question: Question;
  /** The question's public number in its exam. */
  number: number;
  track: Track;
}

/**
 * What the quiz lifecycle needs from a chat platform: the only way the bot touches question messages.
 * The Discord layer implements it; the core never sees discord.js. Every method throws a PublishError
 * when the platform refuses.
 */
export interface QuizPublisher {
  /** Sends the question (without reactions); returns the message id. */
  postQuestion(target: { channelId: string; hiddenAnswers: boolean }, shown: ShownQuestion): Promise<string>;
  /** Adds the answer reactions under a posted question, in order. */
  addAnswerReactions(channelId: string, messageId: string, letters: readonly Letter[]): Promise<void>;
  /** Shows how many members have answered (hidden answers). */
  showAnswerCount(channelId: string, shown: ShownQuestion, answers: number): Promise<void>;
  /** Edits the question message to show that it closed and its answer. */
  showClosed(channelId: string, shown: ShownQuestion): Promise<void>;
  /** Posts the reveal; returns its message id. */
  postReveal(reveal: RevealData, track: Track): Promise<string>;
  /** Removes a member's reaction (hidden answers); may fail quietly when the bot lacks Manage Messages. */
  removeReaction(channelId: string, messageId: string, letter: Letter, userId: string): Promise<void>;
  /** Who holds each answer reaction on a message (the bot excluded). */
  readReactions(channelId: string, messageId: string, letters: readonly Letter[]): Promise<ReactionHolders>;
}
