import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { guildSettings, quizChannels } from "../db/schema.js";

type Reader = Pick<Db, "select">;

export interface ServerSettings {
  /** The zone weeks and months are counted in, and where it comes from. */
  timeZone: string;
  timeZoneSource: "setting" | "quiz channel" | "default";
  reminderChannelId: string | null;
}

/**
 * The server's settings. Its time zone is the one set with /settings, else its first quiz channel's,
 * else UTC: both the scorer and the leaderboards read it here, so they always agree on the week.
 */
export async function serverSettings(db: Reader, guildId: string): Promise<ServerSettings> {
  const [settings] = await db.select().from(guildSettings).where(eq(guildSettings.guildId, guildId));
  const reminderChannelId = settings?.reminderChannelId ?? null;
  if (settings?.timeZone)
    return { timeZone: settings.timeZone, timeZoneSource: "setting", reminderChannelId };
  const [channel] = await db
    .select({ timeZone: quizChannels.timeZone })
    .from(quizChannels)
    .where(eq(quizChannels.guildId, guildId))
    .orderBy(asc(quizChannels.id))
    .limit(1);
  if (channel) return { timeZone: channel.timeZone, timeZoneSource: "quiz channel", reminderChannelId };
  return { timeZone: "UTC", timeZoneSource: "default", reminderChannelId };
}

export async function serverTimeZone(db: Reader, guildId: string): Promise<string> {
  return (await serverSettings(db, guildId)).timeZone;
}

export async function setServerTimeZone(db: Db, guildId: string, timeZone: string): Promise<void> {
  await db
    .insert(guildSettings)
    .values({ guildId, timeZone })
    .onConflictDoUpdate({ target: guildSettings.guildId, set: { timeZone } });
}

/** Where certification reminders go for members whose DMs are closed; null turns that off. */
export async function setReminderChannel(db: Db, guildId: string, channelId: string | null): Promise<void> {
  await db
    .insert(guildSettings)
    .values({ guildId, reminderChannelId: channelId })
    .onConflictDoUpdate({ target: guildSettings.guildId, set: { reminderChannelId: channelId } });
}
