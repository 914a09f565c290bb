import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { quizChannels } from "../db/schema.js";
import { onOwnShards, type ShardScope } from "../shards.js";

export type QuizChannel = typeof quizChannels.$inferSelect;

export interface QuizChannelSettings {
  guildId: string;
  channelId: string;
  exam: string;
  postTime: string;
  timeZone: string;
  weekdays: number[];
  windowHours: number;
  answerPolicy: "first" | "last";
  hiddenAnswers: boolean;
}

/**
 * Creates the quiz channel or updates its settings (the channel id is the key); clears a past error.
 * The channel is active from `now`: an occurrence that opened earlier is not posted.
 */
export async function configureQuizChannel(
  db: Db,
  settings: QuizChannelSettings,
  now: Date,
): Promise<{ created: boolean; channel: QuizChannel }> {
  const [existing] = await db
    .select({ id: quizChannels.id })
    .from(quizChannels)
    .where(eq(quizChannels.channelId, settings.channelId));
  const [channel] = await db
    .insert(quizChannels)
    .values({ ...settings, paused: false, activeSince: now })
    .onConflictDoUpdate({
      target: quizChannels.channelId,
      set: { ...settings, paused: false, activeSince: now, lastError: null, lastErrorAt: null, failures: 0 },
    })
    .returning();
  if (!channel) throw new Error("quiz channel upsert returned nothing");
  return { created: !existing, channel };
}

export async function listQuizChannels(db: Db, guildId?: string): Promise<QuizChannel[]> {
  const query = db.select().from(quizChannels);
  return guildId
    ? query.where(eq(quizChannels.guildId, guildId)).orderBy(quizChannels.id)
    : query.orderBy(quizChannels.id);
}

/** Every quiz channel in the guilds of this process's shards (all of them when it runs every shard). */
export async function quizChannelsOnShards(db: Db, shards: ShardScope | undefined): Promise<QuizChannel[]> {
  return db
    .select()
    .from(quizChannels)
    .where(onOwnShards(quizChannels.guildId, shards))
    .orderBy(quizChannels.id);
}

export async function findQuizChannel(
  db: Db,
  guildId: string,
  channelId: string,
): Promise<QuizChannel | undefined> {
  const [channel] = await db
    .select()
    .from(quizChannels)
    .where(and(eq(quizChannels.guildId, guildId), eq(quizChannels.channelId, channelId)));
  return channel;
}

export async function quizChannelById(db: Db, id: number): Promise<QuizChannel | undefined> {
  const [channel] = await db.select().from(quizChannels).where(eq(quizChannels.id, id));
  return channel;
}

/** Pauses or resumes a channel; resuming makes it active from `now` (what opened while paused is skipped). */
export async function setPaused(
  db: Db,
  id: number,
  paused: boolean,
  now: Date,
  reason?: string,
): Promise<void> {
  const error = reason ? { lastError: reason, lastErrorAt: now } : {};
  await db
    .update(quizChannels)
    .set({ paused, failures: 0, ...(paused ? {} : { activeSince: now }), ...error })
    .where(eq(quizChannels.id, id));
}

/** Remembers something an admin should know about the channel (shown by /quiz status), without backing off. */
export async function noteChannelProblem(
  db: Db,
  channel: QuizChannel,
  message: string,
  at: Date,
): Promise<void> {
  await db
    .update(quizChannels)
    .set({ lastError: message, lastErrorAt: at })
    .where(eq(quizChannels.id, channel.id));
}

export async function removeQuizChannel(db: Db, id: number): Promise<void> {
  await db.delete(quizChannels).where(eq(quizChannels.id, id));
}

/** Remembers a Discord failure for /quiz status and backs off before the next attempt. */
export async function recordChannelError(
  db: Db,
  channel: QuizChannel,
  message: string,
  at: Date,
): Promise<void> {
  await db
    .update(quizChannels)
    .set({ lastError: message, lastErrorAt: at, failures: channel.failures + 1 })
    .where(eq(quizChannels.id, channel.id));
}

export async function clearChannelError(db: Db, channel: QuizChannel): Promise<void> {
  if (channel.failures === 0) return;
  await db.update(quizChannels).set({ failures: 0 }).where(eq(quizChannels.id, channel.id));
}

/** After n consecutive failures wait 2^(n-1) minutes (at most an hour) before trying again. */
export function isBackingOff(channel: QuizChannel, now: Date): boolean {
  if (channel.failures === 0 || !channel.lastErrorAt) return false;
  const waitMinutes = Math.min(60, 2 ** (channel.failures - 1));
  return now.getTime() < channel.lastErrorAt.getTime() + waitMinutes * 60_000;
}
