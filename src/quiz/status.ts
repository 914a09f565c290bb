import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { postings } from "../db/schema.js";
import { listQuizChannels, type QuizChannel } from "./channels.js";
import { nextOccurrence } from "./schedule.js";

export interface ChannelStatus {
  channel: QuizChannel;
  nextPostAt: Date | undefined;
  open: { sequence: number; closesAt: Date; messageId: string | null } | undefined;
}

/** Every quiz channel of a server with its next post time and open question, for /quiz status. */
export async function quizStatus(db: Db, guildId: string, now: Date): Promise<ChannelStatus[]> {
  const channels = await listQuizChannels(db, guildId);
  return Promise.all(
    channels.map(async (channel) => {
      const [open] = await db
        .select({ sequence: postings.sequence, closesAt: postings.closesAt, messageId: postings.messageId })
        .from(postings)
        .where(and(eq(postings.quizChannelId, channel.id), isNull(postings.closedAt)));
      return {
        channel,
        nextPostAt: channel.paused ? undefined : nextOccurrence(channel, now)?.opensAt,
        open,
      };
    }),
  );
}
