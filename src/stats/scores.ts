import { type SQL, sql } from "drizzle-orm";
import { answers, domainStats, memberStats, periodScores, postings, quizChannels } from "../db/schema.js";
import type { PeriodWindow } from "./zone.js";

/**
 * Where a ranking's numbers come from: rows (user_id, points, answered, correct) for one server.
 * Without an exam they are read straight from the aggregates the closer maintains; with one, all-time
 * points are the domain totals of that exam and period points are counted from the answers to the
 * exam's quiz channels in the period (quiz_channels → postings by (channel, date) → answers by posting).
 */
export function scoreRows(guildId: string, window: PeriodWindow | undefined, exam: string | undefined): SQL {
  if (!window && !exam) {
    const ms = memberStats;
    return sql`select ${ms.userId} as user_id, ${ms.points} as points, ${ms.answered} as answered, ${ms.correct} as correct
      from ${ms} where ${ms.guildId} = ${guildId}`;
  }
  if (window && !exam) {
    const ps = periodScores;
    return sql`select ${ps.userId} as user_id, ${ps.points} as points, ${ps.answered} as answered, ${ps.correct} as correct
      from ${ps} where ${ps.guildId} = ${guildId} and ${ps.period} = ${window.period} and ${ps.startsOn} = ${window.startsOn}::date`;
  }
  if (!window) {
    const ds = domainStats;
    return sql`select ${ds.userId} as user_id, sum(${ds.correct})::int as points, sum(${ds.answered})::int as answered,
        sum(${ds.correct})::int as correct
      from ${ds} where ${ds.guildId} = ${guildId} and ${ds.exam} = ${exam} group by ${ds.userId}`;
  }
  // A posting counts in the period its closing falls in, as the closer files it; it closes within a
  // week of its local date, so the date range keeps the posting lookup on the (channel, date) index.
  return sql`select ${answers.userId} as user_id, count(*) filter (where ${answers.correct})::int as points,
      count(*)::int as answered, count(*) filter (where ${answers.correct})::int as correct
    from ${quizChannels}
      join ${postings} on ${postings.quizChannelId} = ${quizChannels.id}
      join ${answers} on ${answers.postingId} = ${postings.id}
    where ${quizChannels.guildId} = ${guildId} and ${quizChannels.exam} = ${exam}
      and ${postings.localDate} >= ${window.startsOn}::date - 7 and ${postings.localDate} < ${isoDate(window.until)}::date + 1
      and ${postings.closedAt} >= ${window.from.toISOString()}::timestamptz
      and ${postings.closedAt} < ${window.until.toISOString()}::timestamptz
      and ${answers.choices} <> '' and ${answers.correct} is not null
    group by ${answers.userId}`;
}

function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
