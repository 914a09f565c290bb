// The same answers computed the naive way: a GROUP BY over the raw answers of the server, with no
// maintained aggregate. Measured in the same run as the baseline the aggregates are compared with.
import { sql } from "drizzle-orm";
import type { Db } from "../src/db/client.js";
import { queryRows } from "../src/db/rows.js";
import type { PeriodWindow } from "../src/stats/zone.js";

const guildAnswers = (guildId: string) => sql`answers a
  join postings p on p.id = a.posting_id
  join quiz_channels q on q.id = p.quiz_channel_id and q.guild_id = ${guildId}`;

export function naiveLeaderboardAll(db: Db, guildId: string) {
  return queryRows(
    db,
    sql`select a.user_id, count(*) filter (where a.correct) as points, count(*) as answered
      from ${guildAnswers(guildId)} where a.choices <> ''
      group by a.user_id order by points desc limit 10`,
  );
}

export function naiveLeaderboardWeek(db: Db, guildId: string, window: PeriodWindow) {
  return queryRows(
    db,
    sql`select a.user_id, count(*) filter (where a.correct) as points, count(*) as answered
      from ${guildAnswers(guildId)}
      where a.choices <> '' and p.closed_at >= ${window.from.toISOString()}::timestamptz
        and p.closed_at < ${window.until.toISOString()}::timestamptz
      group by a.user_id order by points desc limit 10`,
  );
}

export function naiveMemberStats(db: Db, guildId: string, userId: string) {
  return queryRows(
    db,
    sql`select q.exam, qu.domain, count(*) as answered, count(*) filter (where a.correct) as correct
      from ${guildAnswers(guildId)} join questions qu on qu.id = p.question_id
      where a.user_id = ${userId} and a.choices <> ''
      group by q.exam, qu.domain`,
  );
}

export function naiveGroupStandings(db: Db, guildId: string) {
  return queryRows(
    db,
    sql`with m as (select gm.group_id, gm.user_id from group_members gm
        join study_groups g on g.id = gm.group_id and g.guild_id = ${guildId}),
      s as (select a.user_id, count(*) filter (where a.correct) as points
        from ${guildAnswers(guildId)} where a.choices <> '' group by a.user_id)
      select m.group_id, count(*) as members, coalesce(sum(s.points), 0) as points
      from m left join s on s.user_id = m.user_id group by m.group_id`,
  );
}
