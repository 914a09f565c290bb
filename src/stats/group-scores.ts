import { getTableName, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { excluded } from "../db/rows.js";
import {
  answers,
  groupMembers,
  groupPeriodScores,
  memberStats,
  periodScores,
  studyGroups,
} from "../db/schema.js";

/**
 * group_period_scores holds, for every group and period key, the totals of the group's EXPLICIT members:
 * points = Σ their member_stats (all time) or period_scores (week or month starting on starts_on) points,
 * active = how many of them have answered > 0 there, and (on the all-time row) members = how many there
 * are. It is kept equal to that sum by the closer (for the groups of each scored member), by join and
 * leave (adding or subtracting every row of the member), and by deleting a group (cascade).
 */

/** The starts_on of the all-time row. */
export const allTimeKey = "1970-01-01";

type Executor = Pick<Db, "execute" | "insert">;

/** The first key of the advisory lock: the table's name, as every version of the bot has used. */
const lockName = getTableName(groupPeriodScores);

/**
 * Serialises the maintenance of a server's group totals: the closer takes it shared (closes run side by
 * side), join and leave exclusively. Without it a join could miss the points of a close running at the
 * same moment (the close does not see the uncommitted membership, the join not the uncommitted points).
 */
export async function lockGroupScores(db: Executor, guildId: string, mode: "shared" | "exclusive") {
  await db.execute(
    mode === "shared"
      ? sql`select pg_advisory_xact_lock_shared(hashtext(${lockName}), hashtext(${guildId}))`
      : sql`select pg_advisory_xact_lock(hashtext(${lockName}), hashtext(${guildId}))`,
  );
}

/**
 * Adds (sign 1, on join) or subtracts (sign -1, on leave) the given members' totals to or from the
 * group's rows: their all-time totals and every week and month they have points in. Weeks start on a
 * Monday and months on the 1st in every zone, so every key of the server lies on the series between its
 * first and last key: each is one primary-key read of period_scores. Call inside the transaction that
 * changes group_members, after lockGroupScores(…, "exclusive"), with members whose membership changed.
 */
export async function applyMembership(
  db: Executor,
  guildId: string,
  groupId: number,
  userIds: readonly string[],
  sign: 1 | -1,
): Promise<void> {
  if (userIds.length === 0) return;
  const ms = memberStats;
  const ps = periodScores;
  await db
    .insert(groupPeriodScores)
    .select(sql`
    with u as (select distinct value as user_id from jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb)),
      weeks as (select min(${ps.startsOn}) as first, max(${ps.startsOn}) as last from ${ps}
        where ${ps.guildId} = ${guildId} and ${ps.period} = 'week'),
      months as (select min(${ps.startsOn}) as first, max(${ps.startsOn}) as last from ${ps}
        where ${ps.guildId} = ${guildId} and ${ps.period} = 'month'),
      keys as (
        select 'week'::text as period, d::date as starts_on
          from weeks, generate_series(weeks.first::timestamp, weeks.last::timestamp, interval '7 days') d
        union all
        select 'month'::text, d::date
          from months, generate_series(months.first::timestamp, months.last::timestamp, interval '1 month') d),
      totals as (
        select 'all'::text as period, ${allTimeKey}::date as starts_on, coalesce(${ms.points}, 0) as points,
            coalesce((${ms.answered} > 0)::int, 0) as active, 1 as members
          from u left join ${ms} on ${ms.guildId} = ${guildId} and ${ms.userId} = u.user_id
        union all
        select k.period, k.starts_on, ${ps.points}, (${ps.answered} > 0)::int, 0
          from keys k cross join u
            join ${ps} on ${ps.guildId} = ${guildId} and ${ps.period} = k.period
              and ${ps.startsOn} = k.starts_on and ${ps.userId} = u.user_id)
    select ${groupId}::int, period, starts_on, ${sign}::int * sum(points), ${sign}::int * sum(active),
      ${sign}::int * sum(members)
    from totals group by period, starts_on order by period, starts_on`)
    .onConflictDoUpdate({ target: groupScoresKey, set: addExcluded("points", "active", "members") });
}

/**
 * The closer's part: adds one closed posting's points to the groups of the members it scored, for all
 * time, the week and the month it was filed in. Runs after member_stats and period_scores were updated
 * in the same transaction: a member became active in a period when their count of answers there is now 1.
 */
export async function applyClosedPosting(
  db: Executor,
  guildId: string,
  postingId: number,
  keys: { week: string; month: string },
): Promise<void> {
  const gm = groupMembers;
  const ms = memberStats;
  const ps = periodScores;
  await db
    .insert(groupPeriodScores)
    .select(sql`
    with s as (
        select ${answers.userId} as user_id, ${answers.correct}::int as points, ${gm.groupId} as group_id
        from ${answers}
          join ${gm} on ${gm.userId} = ${answers.userId}
          join ${studyGroups} on ${studyGroups.id} = ${gm.groupId} and ${studyGroups.guildId} = ${guildId}
        where ${answers.postingId} = ${postingId} and ${answers.choices} <> ''),
      k as (
        select s.group_id, 'all'::text as period, ${allTimeKey}::date as starts_on, s.points, ${ms.answered} as answered
          from s join ${ms} on ${ms.guildId} = ${guildId} and ${ms.userId} = s.user_id
        union all
        select s.group_id, ${ps.period}, ${ps.startsOn}, s.points, ${ps.answered}
          from s join ${ps} on ${ps.guildId} = ${guildId} and ${ps.userId} = s.user_id
            and ((${ps.period} = 'week' and ${ps.startsOn} = ${keys.week}::date)
              or (${ps.period} = 'month' and ${ps.startsOn} = ${keys.month}::date)))
    select group_id, period, starts_on, sum(points), count(*) filter (where answered = 1), 0
    from k group by group_id, period, starts_on order by group_id, period, starts_on`)
    .onConflictDoUpdate({ target: groupScoresKey, set: addExcluded("points", "active") });
}

const groupScoresKey = [groupPeriodScores.groupId, groupPeriodScores.period, groupPeriodScores.startsOn];

/** `on conflict do update` adding the row that could not be inserted to the stored one, column by column. */
function addExcluded(...names: ("points" | "active" | "members")[]) {
  return Object.fromEntries(
    names.map((name) => [name, sql`${groupPeriodScores[name]} + ${excluded(groupPeriodScores[name])}`]),
  );
}
