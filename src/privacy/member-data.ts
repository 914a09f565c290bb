import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows } from "../db/rows.js";
import {
  answers,
  certificationReminders,
  certificationShares,
  channelStreaks,
  domainStats,
  groupMembers,
  memberCertifications,
  memberSettings,
  memberStats,
  periodScores,
  postings,
  questionReports,
  quizChannels,
  studyGroups,
  studyItems,
  studySessions,
} from "../db/schema.js";
import { applyMembership, lockGroupScores } from "../stats/group-scores.js";

/**
 * Everything stored about one member, in every server: what /privacy export hands them and what
 * /privacy delete removes (docs/PRIVACY.md). Rows keyed by user id; ids of servers and channels are
 * included so the member can tell which server a row belongs to.
 */
export async function exportMemberData(db: Db, userId: string) {
  const answered = await queryRows(
    db,
    sql`select ${quizChannels.guildId} as "guildId", ${quizChannels.channelId} as "channelId", ${postings.localDate} as "date",
          ${postings.questionId} as "questionId", ${answers.choices} as choices, ${answers.correct} as correct,
          ${answers.firstAnsweredAt} as "firstAnsweredAt", ${answers.lastAnsweredAt} as "lastAnsweredAt"
        from ${answers} join ${postings} on ${postings.id} = ${answers.postingId}
          join ${quizChannels} on ${quizChannels.id} = ${postings.quizChannelId}
        where ${answers.userId} = ${userId} order by ${postings.localDate}, ${quizChannels.channelId}`,
  );
  const groups = await queryRows(
    db,
    sql`select ${studyGroups.guildId} as "guildId", ${studyGroups.name} as name, ${groupMembers.joinedAt} as "joinedAt"
        from ${groupMembers} join ${studyGroups} on ${studyGroups.id} = ${groupMembers.groupId}
        where ${groupMembers.userId} = ${userId} order by ${studyGroups.name}`,
  );
  return {
    userId,
    answers: answered,
    totals: await db.select().from(memberStats).where(eq(memberStats.userId, userId)),
    periodScores: await db.select().from(periodScores).where(eq(periodScores.userId, userId)),
    domainStats: await db.select().from(domainStats).where(eq(domainStats.userId, userId)),
    channelStreaks: await db.select().from(channelStreaks).where(eq(channelStreaks.userId, userId)),
    groups,
    certifications: await db
      .select()
      .from(memberCertifications)
      .where(eq(memberCertifications.userId, userId)),
    reminders: await db
      .select()
      .from(certificationReminders)
      .where(eq(certificationReminders.userId, userId)),
    settings: await db.select().from(memberSettings).where(eq(memberSettings.userId, userId)),
    certificationSharing: await db
      .select()
      .from(certificationShares)
      .where(eq(certificationShares.userId, userId)),
    questionReports: await db.select().from(questionReports).where(eq(questionReports.userId, userId)),
    studySessions: await db.select().from(studySessions).where(eq(studySessions.userId, userId)),
    studyItems: await db
      .select({ item: studyItems })
      .from(studyItems)
      .innerJoin(studySessions, eq(studySessions.id, studyItems.sessionId))
      .where(eq(studySessions.userId, userId))
      .then((rows) => rows.map((row) => row.item)),
  };
}

export type MemberData = Awaited<ReturnType<typeof exportMemberData>>;

/**
 * Removes every row about a member in one transaction. Group totals are maintained sums of their
 * members' totals, so the member leaves each group first (subtracting their totals, as /group leave
 * does, under each server's group lock, taken in a fixed order); then their answers, totals, streaks,
 * certifications, reminders, settings, reports and practice and mock sessions go. Leaderboards then read as if they never played.
 */
export async function deleteMemberData(db: Db, userId: string): Promise<{ rows: number }> {
  return db.transaction(async (tx) => {
    const memberships = await queryRows<{ groupId: number; guildId: string }>(
      tx as unknown as Db,
      sql`select ${groupMembers.groupId} as "groupId", ${studyGroups.guildId} as "guildId" from ${groupMembers}
          join ${studyGroups} on ${studyGroups.id} = ${groupMembers.groupId} where ${groupMembers.userId} = ${userId}
          order by ${studyGroups.guildId}, ${groupMembers.groupId}`,
    );
    for (const guildId of [...new Set(memberships.map((membership) => membership.guildId))])
      await lockGroupScores(tx, guildId, "exclusive");
    for (const { groupId, guildId } of memberships) await applyMembership(tx, guildId, groupId, [userId], -1);

    let rows = 0;
    const remove = async (table: Parameters<typeof tx.delete>[0], where: ReturnType<typeof eq>) => {
      rows += (await tx.delete(table).where(where).returning()).length;
    };
    await remove(groupMembers, eq(groupMembers.userId, userId));
    await remove(answers, eq(answers.userId, userId));
    await remove(memberStats, eq(memberStats.userId, userId));
    await remove(periodScores, eq(periodScores.userId, userId));
    await remove(domainStats, eq(domainStats.userId, userId));
    await remove(channelStreaks, eq(channelStreaks.userId, userId));
    await remove(certificationReminders, eq(certificationReminders.userId, userId));
    await remove(memberCertifications, eq(memberCertifications.userId, userId));
    await remove(memberSettings, eq(memberSettings.userId, userId));
    await remove(certificationShares, eq(certificationShares.userId, userId));
    await remove(questionReports, eq(questionReports.userId, userId));
    // Practice and mock sessions; their items go with them (on delete cascade).
    await remove(studySessions, eq(studySessions.userId, userId));
    return { rows };
  });
}
