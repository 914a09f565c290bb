import { type SQL, sql } from "drizzle-orm";
import type { PeriodWindow } from "./zone.js";

/**
 * Where a ranking's numbers come from: rows (user_id, points, answered, correct) for one server.
 * Without an exam they are read straight from the aggregates the closer maintains; with one, all-time
 * points are the domain totals of that exam and period points are counted from the answers to the
 * exam's quiz channels in the period (quiz_channels → postings by (channel, date) → answers by posting).
 */
export function scoreRows(guildId: string, window: PeriodWindow | undefined, exam: string | undefined): SQL {
  if (!window && !exam) {
    return sql`select user_id, points, answered, correct from member_stats where guild_id = ${guildId}`;
  }
  if (window && !exam) {
    return sql`select user_id, points, answered, correct from period_scores
      where guild_id = ${guildId} and period = ${window.period} and starts_on = ${window.startsOn}::date`;
  }
  if (!window) {
    return sql`select user_id, sum(correct)::int as points, sum(answered)::int as answered, sum(correct)::int as correct
      from domain_stats where guild_id = ${guildId} and exam = ${exam} group by user_id`;
  }
  // A posting counts in the period its closing falls in, as the closer files it; it closes within a
  // week of its local date, so the date range keeps the posting lookup on the (channel, date) index.
  return sql`select a.user_id, count(*) filter (where a.correct)::int as points, count(*)::int as answered,
      count(*) filter (where a.correct)::int as correct
    from quiz_channels q
      join postings p on p.quiz_channel_id = q.id
      join answers a on a.posting_id = p.id
    where q.guild_id = ${guildId} and q.exam = ${exam}
      and p.local_date >= ${window.startsOn}::date - 7 and p.local_date < ${isoDate(window.until)}::date + 1
      and p.closed_at >= ${window.from.toISOString()}::timestamptz
      and p.closed_at < ${window.until.toISOString()}::timestamptz
      and a.choices <> '' and a.correct is not null
    group by a.user_id`;
}

function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
