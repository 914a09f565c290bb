import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { excluded } from "../db/rows.js";
import {
  answers,
  channelStreaks,
  domainStats,
  memberStats,
  periodScores,
  postings,
  questionRevisions,
  quizChannels,
} from "../db/schema.js";
import { serverTimeZone } from "../guilds/settings.js";
import type { Question } from "../questions/question.js";
import { applyClosedPosting, lockGroupScores } from "../stats/group-scores.js";
import { periodStarts } from "../stats/zone.js";

/** The streaks of one quiz channel, beside the server's streaks in the same statement. */
const inChannel = alias(channelStreaks, "in_channel");

export interface ClosedPosting {
  postingId: number;
  answered: number;
  correct: number;
}

/**
 * Closes a posting and scores it in ONE transaction: marks each answer correct or not (a multiple-response
 * answer must be the exact set, as AWS scores it), then updates streaks, all-time, weekly, monthly and
 * per-domain totals, and the totals of the study groups of the scored members. Closing twice does
 * nothing the second time.
 */
export async function closePosting(db: Db, postingId: number, now: Date): Promise<ClosedPosting | undefined> {
  return db.transaction(async (tx) => {
    const [posting] = await tx
      .update(postings)
      .set({ closedAt: now })
      .where(and(eq(postings.id, postingId), isNull(postings.closedAt)))
      .returning();
    if (!posting) return undefined;
    const [context] = await tx
      .select({
        guildId: quizChannels.guildId,
        exam: quizChannels.exam,
        body: questionRevisions.body,
      })
      .from(quizChannels)
      .innerJoin(
        questionRevisions,
        and(
          eq(questionRevisions.questionId, posting.questionId),
          eq(questionRevisions.revision, posting.questionRevision),
        ),
      )
      .where(eq(quizChannels.id, posting.quizChannelId));
    if (!context) throw new Error(`posting ${postingId} has no channel or question revision`);
    if (!posting.messageId) {
      // Never shown to anyone (every send failed): nothing to score and nothing to reveal.
      await tx.update(postings).set({ revealedAt: now }).where(eq(postings.id, postingId));
      return { postingId, answered: 0, correct: 0 };
    }
    const question = context.body as Question;
    const key = [...question.answer].sort().join("");
    await tx
      .update(answers)
      .set({ correct: sql`${answers.choices} = ${key}` })
      .where(and(eq(answers.postingId, postingId), sql`${answers.choices} <> ''`));

    const scored = tx
      .select({ userId: answers.userId, correct: answers.correct })
      .from(answers)
      .where(and(eq(answers.postingId, postingId), sql`${answers.choices} <> ''`))
      .as("s");
    const qc = posting.quizChannelId;
    const guild = context.guildId;
    // Shared with other closes, exclusive with /group join and leave (see lockGroupScores).
    await lockGroupScores(tx, guild, "shared");
    await tx
      .insert(channelStreaks)
      .select(sql`select ${qc}, ${scored.userId}, 1, 1 from ${scored} where ${scored.correct}`)
      .onConflictDoUpdate({
        target: [channelStreaks.quizChannelId, channelStreaks.userId],
        set: {
          current: sql`${channelStreaks.current} + 1`,
          best: sql`greatest(${channelStreaks.best}, ${channelStreaks.current} + 1)`,
        },
      });
    await tx
      .update(channelStreaks)
      .set({ current: 0 })
      .where(
        and(
          eq(channelStreaks.quizChannelId, qc),
          sql`${channelStreaks.current} > 0`,
          sql`${channelStreaks.userId} not in (select ${scored.userId} from ${scored} where ${scored.correct})`,
        ),
      );
    await tx
      .insert(memberStats)
      .select(
        sql`select ${guild}, ${scored.userId}, ${scored.correct}::int, 1, ${scored.correct}::int, 0, 0, ${posting.localDate}::date
          from ${scored}`,
      )
      .onConflictDoUpdate({
        target: [memberStats.guildId, memberStats.userId],
        set: {
          points: sql`${memberStats.points} + ${excluded(memberStats.points)}`,
          answered: sql`${memberStats.answered} + 1`,
          correct: sql`${memberStats.correct} + ${excluded(memberStats.correct)}`,
          lastAnsweredOn: excluded(memberStats.lastAnsweredOn),
        },
      });
    // A member's streak in the server is their best current run in any of its quiz channels.
    const runs = tx
      .select({
        userId: channelStreaks.userId,
        current: sql<number>`max(${channelStreaks.current})`.as("current"),
        best: sql<number>`max(${channelStreaks.best})`.as("best"),
      })
      .from(channelStreaks)
      .innerJoin(quizChannels, eq(quizChannels.id, channelStreaks.quizChannelId))
      .where(
        and(
          eq(quizChannels.guildId, guild),
          inArray(
            channelStreaks.userId,
            tx.select({ userId: inChannel.userId }).from(inChannel).where(eq(inChannel.quizChannelId, qc)),
          ),
        ),
      )
      .groupBy(channelStreaks.userId)
      .as("runs");
    await tx
      .update(memberStats)
      .set({
        currentStreak: sql`${runs.current}`,
        bestStreak: sql`greatest(${memberStats.bestStreak}, ${runs.best})`,
      })
      .from(runs)
      .where(and(eq(memberStats.guildId, guild), eq(memberStats.userId, runs.userId)));
    const { week, month } = periodStarts(now, await serverTimeZone(tx, guild));
    await tx
      .insert(periodScores)
      .select(
        sql`select ${guild}, ${scored.userId}, p.period, p.starts_on::date, ${scored.correct}::int, 1, ${scored.correct}::int
          from ${scored} cross join (values ('week', ${week}), ('month', ${month})) as p(period, starts_on)`,
      )
      .onConflictDoUpdate({
        target: [periodScores.guildId, periodScores.period, periodScores.startsOn, periodScores.userId],
        set: {
          points: sql`${periodScores.points} + ${excluded(periodScores.points)}`,
          answered: sql`${periodScores.answered} + 1`,
          correct: sql`${periodScores.correct} + ${excluded(periodScores.correct)}`,
        },
      });
    await applyClosedPosting(tx, guild, postingId, { week, month });
    await tx
      .insert(domainStats)
      .select(
        sql`select ${guild}, ${scored.userId}, ${question.exam}, ${question.domain}, 1, ${scored.correct}::int from ${scored}`,
      )
      .onConflictDoUpdate({
        target: [domainStats.guildId, domainStats.userId, domainStats.exam, domainStats.domain],
        set: {
          answered: sql`${domainStats.answered} + 1`,
          correct: sql`${domainStats.correct} + ${excluded(domainStats.correct)}`,
        },
      });

    const tally = await tx
      .select({
        answered: count(),
        correct: sql`count(*) filter (where ${answers.correct})`.mapWith(Number),
      })
      .from(answers)
      .where(and(eq(answers.postingId, postingId), sql`${answers.choices} <> ''`));
    return { postingId, answered: tally[0]?.answered ?? 0, correct: tally[0]?.correct ?? 0 };
  });
}
