import type { Db } from "../db/client.js";
import { listQuizChannels, type QuizChannel } from "./channels.js";
import { openPostingOf, type Posting, postedDatesFrom } from "./postings.js";
import { upcomingOccurrences } from "./schedule.js";

export interface ChannelStatus {
  channel: QuizChannel;
  nextPostAt: Date | undefined;
  open: Posting | undefined;
}

/** Every quiz channel of a server with its next post time and open question, for /quiz status. */
export async function quizStatus(db: Db, guildId: string, now: Date): Promise<ChannelStatus[]> {
  const channels = await listQuizChannels(db, guildId);
  return Promise.all(
    channels.map(async (channel) => ({
      channel,
      nextPostAt: await nextPostAt(db, channel, now),
      open: await openPostingOf(db, channel.id),
    })),
  );
}

/**
 * When the channel will next post on its own: the first scheduled occurrence after `now` whose day has no
 * question yet (a /quiz post-now uses up its day). Undefined while paused.
 */
export async function nextPostAt(db: Db, channel: QuizChannel, now: Date): Promise<Date | undefined> {
  if (channel.paused) return undefined;
  const upcoming = [...upcomingOccurrences(channel, now)];
  const first = upcoming[0];
  if (!first) return undefined;
  const posted = await postedDatesFrom(db, channel.id, first.localDate);
  return upcoming.find((occurrence) => !posted.has(occurrence.localDate))?.opensAt;
}
