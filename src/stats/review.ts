import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { answers, postings, questionRevisions, quizChannels } from "../db/schema.js";
import type { Letter, Question } from "../questions/question.js";

export const reviewLimit = 10;

export interface MissedQuestion {
  postingId: number;
  localDate: string;
  question: Question;
  /** What the member answered, e.g. "B" or "AC". */
  choices: Letter[];
}

/**
 * A member's most recent wrong answers in one server (newest first), with the question exactly as it was
 * posted (its revision), so the reveal's right answer and explanations can be shown again.
 * Questions left unanswered (every reaction removed) are not counted as missed.
 */
export async function missedQuestions(
  db: Db,
  guildId: string,
  userId: string,
  count: number,
): Promise<MissedQuestion[]> {
  const limit = Math.max(1, Math.min(reviewLimit, Math.floor(count)));
  const rows = await db
    .select({
      postingId: postings.id,
      localDate: postings.localDate,
      choices: answers.choices,
      body: questionRevisions.body,
    })
    .from(answers)
    .innerJoin(postings, eq(postings.id, answers.postingId))
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .innerJoin(
      questionRevisions,
      and(
        eq(questionRevisions.questionId, postings.questionId),
        eq(questionRevisions.revision, postings.questionRevision),
      ),
    )
    .where(
      and(
        eq(answers.userId, userId),
        eq(quizChannels.guildId, guildId),
        sql`${answers.correct} = false and ${answers.choices} <> '' and ${postings.closedAt} is not null`,
      ),
    )
    .orderBy(desc(postings.closedAt), desc(postings.id))
    .limit(limit);
  return rows.map((row) => ({
    postingId: row.postingId,
    localDate: row.localDate,
    question: row.body as Question,
    choices: [...row.choices] as Letter[],
  }));
}
