import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { queryRows, toNumber } from "../../src/db/rows.js";
import { type GroupStanding, rankGroups } from "../../src/stats/group-standings.js";
import { noRoleHolders, type RoleHolders, roleMemberships } from "../../src/stats/groups.js";
import { scoreRows } from "../../src/stats/scores.js";
import { currentPeriod, type Period } from "../../src/stats/zone.js";

/**
 * The standings computed live, as before group_period_scores existed: every member of every group
 * (explicit ∪ role holders) looked up in member_stats or period_scores, with the membership query as it
 * was. The oracle the maintained totals are compared with.
 */
export async function liveGroupStandings(
  db: Db,
  guildId: string,
  period: Period,
  options: { now: Date; timeZone: string; roleHolders?: RoleHolders | undefined },
): Promise<GroupStanding[]> {
  const window = period === "all" ? undefined : currentPeriod(period, options.now, options.timeZone);
  const pairs = await roleMemberships(db, guildId, options.roleHolders ?? noRoleHolders);
  const rows = await queryRows<{
    id: number;
    name: string;
    role_id: string | null;
    members: unknown;
    active: unknown;
    points: unknown;
  }>(
    db,
    sql`with g as (select id, name, role_id from study_groups where guild_id = ${guildId}),
      m as materialized (
        select gm.group_id, gm.user_id from g join group_members gm on gm.group_id = g.id
        union all
        select g.id, r."userId" from g
          join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as r("roleId" text, "userId" text)
            on r."roleId" = g.role_id
        where not exists (select 1 from group_members x where x.group_id = g.id and x.user_id = r."userId")),
      s as not materialized (${scoreRows(guildId, window, undefined)}),
      sizes as (select group_id, count(*) as members from m group by group_id),
      scored as (
        select m.group_id, count(*) filter (where s.answered > 0) as active, sum(s.points) as points
        from m join s on s.user_id = m.user_id group by m.group_id)
      select g.id, g.name, g.role_id, coalesce(sizes.members, 0) as members, coalesce(scored.active, 0) as active,
        coalesce(scored.points, 0) as points
      from g left join sizes on sizes.group_id = g.id left join scored on scored.group_id = g.id`,
  );
  return rankGroups(rows);
}

export interface GroupTotalsRow {
  groupId: number;
  period: string;
  startsOn: string;
  points: number;
  active: number;
  members: number;
}

/**
 * What group_period_scores must hold for a server, computed live for EVERY key: per group, the sum over
 * its explicit members of member_stats (all time) and of period_scores (each week and month). Rows that
 * are all zero are left out (on both sides of the comparison).
 */
export async function liveGroupTotals(db: Db, guildId: string): Promise<GroupTotalsRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with gm as (select gm.group_id, gm.user_id from group_members gm
          join study_groups g on g.id = gm.group_id and g.guild_id = ${guildId})
      select gm.group_id, 'all' as period, '1970-01-01' as starts_on, coalesce(sum(ms.points), 0) as points,
        count(*) filter (where ms.answered > 0) as active, count(*) as members
      from gm left join member_stats ms on ms.guild_id = ${guildId} and ms.user_id = gm.user_id
      group by gm.group_id
      union all
      select gm.group_id, ps.period, to_char(ps.starts_on, 'YYYY-MM-DD'), sum(ps.points),
        count(*) filter (where ps.answered > 0), 0
      from gm join period_scores ps on ps.guild_id = ${guildId} and ps.user_id = gm.user_id
      group by gm.group_id, ps.period, ps.starts_on`,
  );
  return normalise(rows);
}

/** group_period_scores of a server's groups, in the same shape. */
export async function maintainedGroupTotals(db: Db, guildId: string): Promise<GroupTotalsRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select t.group_id, t.period, to_char(t.starts_on, 'YYYY-MM-DD') as starts_on, t.points, t.active,
        t.members
      from group_period_scores t join study_groups g on g.id = t.group_id and g.guild_id = ${guildId}`,
  );
  return normalise(rows);
}

function normalise(rows: Record<string, unknown>[]): GroupTotalsRow[] {
  return rows
    .map((row) => ({
      groupId: Number(row.group_id),
      period: String(row.period),
      startsOn: String(row.starts_on),
      points: toNumber(row.points),
      active: toNumber(row.active),
      members: toNumber(row.members),
    }))
    .filter((row) => row.points !== 0 || row.active !== 0 || row.members !== 0)
    .sort(
      (a, b) =>
        a.groupId - b.groupId || a.period.localeCompare(b.period) || a.startsOn.localeCompare(b.startsOn),
    );
}
