import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { answers, channelStreaks, postings, quizChannels } from "../db/schema.js";
import { findQuestion } from "../questions/find-question.js";
import type { Letter, Question } from "../questions/question.js";
import type { Posting } from "./postings.js";

/** Streak lengths worth announcing in the reveal. */
const streakMilestones = [3, 5, 7, 10, 14, 21, 30, 50, 75, 100, 150, 200, 365];

export interface RevealData {
  posting: Posting;
  channelId: string;
  question: Question;
  /** The question's public number in its exam. */
  number: number;
  spread: Partial<Record<Letter, number>>;
  answered: number;
  correct: number;
  milestones: { userId: string; streak: number }[];
}

/** Everything the reveal shows, read back from the database (so a retried reveal shows the same). */
export async function revealData(db: Db, postingId: number): Promise<RevealData | undefined> {
  const [row] = await db
    .select({ posting: postings, channelId: quizChannels.channelId })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(eq(postings.id, postingId));
  if (!row) return undefined;
  const stored = await findQuestion(db, row.posting.questionId, row.posting.questionRevision);
  if (!stored) return undefined;
  const given = await db
    .select({ userId: answers.userId, choices: answers.choices, correct: answers.correct })
    .from(answers)
    .where(and(eq(answers.postingId, postingId), sql`${answers.choices} <> ''`));
  const spread: Partial<Record<Letter, number>> = {};
  for (const answer of given) {
    for (const letter of answer.choices) spread[letter as Letter] = (spread[letter as Letter] ?? 0) + 1;
  }
  const correctUsers = given.filter((answer) => answer.correct).map((answer) => answer.userId);
  const streaks =
    correctUsers.length === 0
      ? []
      : await db
          .select({ userId: channelStreaks.userId, streak: channelStreaks.current })
          .from(channelStreaks)
          .where(
            and(
              eq(channelStreaks.quizChannelId, row.posting.quizChannelId),
              inArray(channelStreaks.userId, correctUsers),
              inArray(channelStreaks.current, streakMilestones),
            ),
          );
  return {
    posting: row.posting,
    channelId: row.channelId,
    question: stored.question,
    number: stored.number,
    spread,
    answered: given.length,
    correct: correctUsers.length,
    milestones: streaks.sort((a, b) => b.streak - a.streak),
  };
}
