import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { answers, postings, questionRevisions, quizChannels } from "../db/schema.js";
import { serverTimeZone } from "../guilds/settings.js";
import type { Question } from "../questions/question.js";
import { applyClosedPosting, lockGroupScores } from "../stats/group-scores.js";
import { periodStarts } from "../stats/zone.js";

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

    const scored = sql`(select user_id, correct from answers where posting_id = ${postingId} and choices <> '')`;
    const qc = posting.quizChannelId;
    const guild = context.guildId;
    // Shared with other closes, exclusive with /group join and leave (see lockGroupScores).
    await lockGroupScores(tx, guild, "shared");
    await tx.execute(sql`
      insert into channel_streaks (quiz_channel_id, user_id, current, best)
      select ${qc}, user_id, 1, 1 from ${scored} s where s.correct
      on conflict (quiz_channel_id, user_id) do update
        set current = channel_streaks.current + 1, best = greatest(channel_streaks.best, channel_streaks.current + 1)`);
    await tx.execute(sql`
      update channel_streaks set current = 0
      where quiz_channel_id = ${qc} and current > 0
        and user_id not in (select user_id from ${scored} s where s.correct)`);
    await tx.execute(sql`
      insert into member_stats (guild_id, user_id, points, answered, correct, last_answered_on)
      select ${guild}, user_id, correct::int, 1, correct::int, ${posting.localDate}::date from ${scored} s
      on conflict (guild_id, user_id) do update set
        points = member_stats.points + excluded.points,
        answered = member_stats.answered + 1,
        correct = member_stats.correct + excluded.correct,
        last_answered_on = excluded.last_answered_on`);
    // A member's streak in the server is their best current run in any of its quiz channels.
    await tx.execute(sql`
      update member_stats ms set current_streak = s.current, best_streak = greatest(ms.best_streak, s.best)
      from (
        select cs.user_id, max(cs.current) as current, max(cs.best) as best
        from channel_streaks cs join quiz_channels q on q.id = cs.quiz_channel_id
        where q.guild_id = ${guild}
          and cs.user_id in (select user_id from channel_streaks where quiz_channel_id = ${qc})
        group by cs.user_id
      ) s
      where ms.guild_id = ${guild} and ms.user_id = s.user_id`);
    const { week, month } = periodStarts(now, await serverTimeZone(tx, guild));
    await tx.execute(sql`
      insert into period_scores (guild_id, user_id, period, starts_on, points, answered, correct)
      select ${guild}, s.user_id, p.period, p.starts_on::date, s.correct::int, 1, s.correct::int
      from ${scored} s cross join (values ('week', ${week}), ('month', ${month})) as p(period, starts_on)
      on conflict (guild_id, period, starts_on, user_id) do update set
        points = period_scores.points + excluded.points,
        answered = period_scores.answered + 1,
        correct = period_scores.correct + excluded.correct`);
    await applyClosedPosting(tx, guild, postingId, { week, month });
    await tx.execute(sql`
      insert into domain_stats (guild_id, user_id, exam, domain, answered, correct)
      select ${guild}, user_id, ${question.exam}, ${question.domain}, 1, correct::int from ${scored} s
      on conflict (guild_id, user_id, exam, domain) do update set
        answered = domain_stats.answered + 1,
        correct = domain_stats.correct + excluded.correct`);

    const tally = await tx
      .select({
        answered: sql<number>`count(*)::int`,
        correct: sql<number>`count(*) filter (where ${answers.correct})::int`,
      })
      .from(answers)
      .where(and(eq(answers.postingId, postingId), sql`${answers.choices} <> ''`));
    return { postingId, answered: Number(tally[0]?.answered ?? 0), correct: Number(tally[0]?.correct ?? 0) };
  });
}
