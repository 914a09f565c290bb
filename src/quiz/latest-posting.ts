import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { postings, quizChannels } from "../db/schema.js";

/** The question most recently posted in a channel, e.g. for "/question report" without an id. */
export async function latestPostedQuestion(db: Db, channelId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ questionId: postings.questionId })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(eq(quizChannels.channelId, channelId))
    .orderBy(desc(postings.claimedAt))
    .limit(1);
  return row?.questionId;
}
