// Expiry reminders 90, 30 and 7 days before a certification expires. A due reminder is claimed by
// inserting its row (key: member, certification, expiry, threshold) before anything is sent, so a
// restart, a retry or a second process never sends it twice. A renewal moves the expiry, which starts
// a fresh set of reminders.
import { and, asc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { certificationReminders, guildSettings, memberCertifications, memberSettings } from "../db/schema.js";
import { addDays, type CalendarDate, daysBetween } from "../renewal/dates.js";
import { onOwnShards, type ShardScope } from "../shards.js";
import { todayOf } from "./dates.js";
import { loadHeldOf } from "./member-certs.js";
import { composeReminder } from "./reminder-text.js";

/** Thresholds, most urgent first: a certification gets the most urgent one it has reached. */
export const reminderDays = [7, 30, 90] as const;
/** Reminders claimed per tick at most; the rest wait for the next minute. */
const batchSize = 100;

export type ReminderKey = { userId: string; certCode: string; expiresOn: CalendarDate; daysBefore: number };
export type DueReminder = ReminderKey & {
  daysLeft: number;
  /** Where to mention the member when DMs are closed: their server's reminder channel, if it has one. */
  fallbackChannelId: string | null;
  text: string;
};

/** The threshold due for a certification `daysLeft` days from expiry, if any. */
export function dueThreshold(daysLeft: number): number | undefined {
  if (daysLeft < 0) return undefined;
  return reminderDays.find((days) => daysLeft <= days);
}

/** Finds reminders due at `now` and claims them; only reminders this call claimed are returned. */
export async function findDueReminders(db: Db, now: Date, shards?: ShardScope): Promise<DueReminder[]> {
  const today = todayOf(now);
  const daysLeft = sql`(${memberCertifications.expiresOn} - ${today}::date)`;
  const threshold = sql<number>`(case when ${daysLeft} <= 7 then 7 when ${daysLeft} <= 30 then 30 else 90 end)`;
  const candidates = await db
    .select({
      userId: memberCertifications.userId,
      certCode: memberCertifications.certCode,
      expiresOn: memberCertifications.expiresOn,
      fallbackChannelId: guildSettings.reminderChannelId,
    })
    .from(memberCertifications)
    .leftJoin(memberSettings, eq(memberSettings.userId, memberCertifications.userId))
    .leftJoin(guildSettings, eq(guildSettings.guildId, memberSettings.reminderGuildId))
    .leftJoin(
      certificationReminders,
      and(
        eq(certificationReminders.userId, memberCertifications.userId),
        eq(certificationReminders.certCode, memberCertifications.certCode),
        eq(certificationReminders.expiresOn, memberCertifications.expiresOn),
        eq(certificationReminders.daysBefore, threshold),
      ),
    )
    .where(
      and(
        gte(memberCertifications.expiresOn, today),
        lte(memberCertifications.expiresOn, addDays(today, reminderDays.at(-1) ?? 90)),
        eq(memberSettings.remindersEnabled, true),
        isNull(certificationReminders.userId),
        // A member is reminded by the process whose shard holds the server they use the bot in.
        onOwnShards(memberSettings.reminderGuildId, shards),
      ),
    )
    .orderBy(asc(memberCertifications.expiresOn))
    .limit(batchSize);

  const wanted = candidates.flatMap((row) => {
    const left = daysBetween(today, row.expiresOn);
    const daysBefore = dueThreshold(left);
    return daysBefore === undefined ? [] : [{ ...row, daysBefore, daysLeft: left }];
  });
  if (wanted.length === 0) return [];
  // The claim: only rows this statement inserted are ours to send.
  const claimed = await db
    .insert(certificationReminders)
    .values(
      wanted.map(({ userId, certCode, expiresOn, daysBefore }) => ({
        userId,
        certCode,
        expiresOn,
        daysBefore,
      })),
    )
    .onConflictDoNothing()
    .returning();
  const isClaimed = (row: ReminderKey) =>
    claimed.some(
      (c) =>
        c.userId === row.userId &&
        c.certCode === row.certCode &&
        c.expiresOn === row.expiresOn &&
        c.daysBefore === row.daysBefore,
    );
  const ours = wanted.filter(isClaimed);
  const heldOf = await loadHeldOf(db, [...new Set(ours.map((row) => row.userId))]);
  return ours.map((row) => ({
    ...row,
    text: composeReminder(
      { code: row.certCode, expiresOn: row.expiresOn, daysLeft: row.daysLeft },
      heldOf(row.userId),
      today,
    ),
  }));
}

function keyMatches(key: ReminderKey) {
  return and(
    eq(certificationReminders.userId, key.userId),
    eq(certificationReminders.certCode, key.certCode),
    eq(certificationReminders.expiresOn, key.expiresOn),
    eq(certificationReminders.daysBefore, key.daysBefore),
  );
}

export async function markReminderSent(db: Db, key: ReminderKey, at: Date): Promise<void> {
  await db.update(certificationReminders).set({ sentAt: at, error: null }).where(keyMatches(key));
}

/** A failed reminder stays claimed (never retried, so never doubled); the reason is kept for operators. */
export async function markReminderFailed(db: Db, key: ReminderKey, error: string): Promise<void> {
  await db
    .update(certificationReminders)
    .set({ error: error.slice(0, 500) })
    .where(keyMatches(key));
}
