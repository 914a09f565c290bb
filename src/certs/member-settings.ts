// Per-member settings: whether reminders are on, and which server's reminder channel is the fallback.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { guildSettings, memberSettings } from "../db/schema.js";

type Executor = Pick<Db, "insert">;

/** The server a member last used /certs in becomes the one whose channel is used when DMs are closed. */
export async function rememberReminderGuild(db: Executor, userId: string, guildId: string): Promise<void> {
  await db
    .insert(memberSettings)
    .values({ userId, reminderGuildId: guildId })
    .onConflictDoUpdate({ target: memberSettings.userId, set: { reminderGuildId: guildId } });
}

export type ReminderSetting = { enabled: boolean; fallbackChannelId: string | null };

export async function setReminders(
  db: Db,
  input: { userId: string; guildId: string | null; enabled: boolean },
): Promise<ReminderSetting> {
  const guild = input.guildId ? { reminderGuildId: input.guildId } : {};
  await db
    .insert(memberSettings)
    .values({ userId: input.userId, remindersEnabled: input.enabled, ...guild })
    .onConflictDoUpdate({
      target: memberSettings.userId,
      set: { remindersEnabled: input.enabled, ...guild },
    });
  const [row] = await db
    .select({ channelId: guildSettings.reminderChannelId })
    .from(memberSettings)
    .leftJoin(guildSettings, eq(guildSettings.guildId, memberSettings.reminderGuildId))
    .where(eq(memberSettings.userId, input.userId));
  return { enabled: input.enabled, fallbackChannelId: row?.channelId ?? null };
}

export async function remindersOn(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: memberSettings.remindersEnabled })
    .from(memberSettings)
    .where(eq(memberSettings.userId, userId));
  return row?.enabled === true;
}
