import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "../db/client.js";
import {
  certificationShares,
  domainStats,
  guildDepartures,
  guildSettings,
  memberSettings,
  memberStats,
  periodScores,
  questionReports,
  quizChannels,
  studyGroups,
  studySessions,
} from "../db/schema.js";

/** The bot was removed from a server: its data goes after `retentionDays` unless the bot comes back. */
export async function recordDeparture(
  db: Db,
  guildId: string,
  at: Date,
  retentionDays: number,
): Promise<void> {
  const purgeAfter = DateTime.fromJSDate(at).plus({ days: retentionDays }).toJSDate();
  await db
    .insert(guildDepartures)
    .values({ guildId, leftAt: at, purgeAfter })
    .onConflictDoUpdate({ target: guildDepartures.guildId, set: { leftAt: at, purgeAfter } });
}

/** The bot is in these servers (added back, or present at start): nothing of theirs is to be deleted. */
export async function cancelDepartures(db: Db, guildIds: readonly string[]): Promise<number> {
  if (guildIds.length === 0) return 0;
  const cancelled = await db
    .delete(guildDepartures)
    .where(inArray(guildDepartures.guildId, [...guildIds]))
    .returning({ guildId: guildDepartures.guildId });
  return cancelled.length;
}

/** Deletes the data of every server whose retention period has passed; returns their ids. */
export async function purgeDepartedGuilds(db: Db, now: Date): Promise<string[]> {
  const due = await db
    .select({ guildId: guildDepartures.guildId })
    .from(guildDepartures)
    .where(lte(guildDepartures.purgeAfter, now));
  const purged: string[] = [];
  for (const { guildId } of due) {
    // One transaction per server; the departure row is the claim, so two processes never purge twice.
    const done = await db.transaction(async (tx) => {
      const claimed = await tx
        .delete(guildDepartures)
        .where(and(eq(guildDepartures.guildId, guildId), lte(guildDepartures.purgeAfter, now)))
        .returning();
      if (claimed.length === 0) return false;
      // Quiz channels cascade to postings, answers and channel streaks; groups to members and totals.
      await tx.delete(quizChannels).where(eq(quizChannels.guildId, guildId));
      await tx.delete(studyGroups).where(eq(studyGroups.guildId, guildId));
      await tx.delete(memberStats).where(eq(memberStats.guildId, guildId));
      await tx.delete(periodScores).where(eq(periodScores.guildId, guildId));
      await tx.delete(domainStats).where(eq(domainStats.guildId, guildId));
      await tx.delete(questionReports).where(eq(questionReports.guildId, guildId));
      await tx.delete(guildSettings).where(eq(guildSettings.guildId, guildId));
      await tx.delete(studySessions).where(eq(studySessions.guildId, guildId));
      await tx.delete(certificationShares).where(eq(certificationShares.guildId, guildId));
      await tx
        .update(memberSettings)
        .set({ reminderGuildId: sql`null` })
        .where(eq(memberSettings.reminderGuildId, guildId));
      return true;
    });
    if (done) purged.push(guildId);
  }
  return purged;
}
