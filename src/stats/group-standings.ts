import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows, toNumber } from "../db/rows.js";
import { groupPeriodScores as gps, groupMembers, studyGroups } from "../db/schema.js";
import { allTimeKey } from "./group-scores.js";
import { noRoleHolders, type RoleHolders } from "./groups.js";
import { scoreRows } from "./scores.js";
import { currentPeriod, type Period } from "./zone.js";

export interface GroupStanding {
  rank: number;
  groupId: number;
  name: string;
  /** The role whose holders count as members, if the group is linked to one. */
  roleId: string | null;
  /** Explicit members plus known holders of the linked role. */
  members: number;
  /** Members who answered at least once in the period. */
  active: number;
  points: number;
  /** points / active: a big group with idle members is not penalised, nor favoured for its size. */
  average: number;
}

/**
 * A server's groups ranked by average points per active member in the period, ties sharing a rank.
 * The explicit members' totals are read from group_period_scores (one row per group, maintained by the
 * closer and on join and leave); only the holders of linked roles who did not also join are looked up
 * one by one (member_stats or period_scores by key), so the cost follows the role holders, not the
 * memberships.
 */
export async function groupStandings(
  db: Db,
  guildId: string,
  period: Period,
  options: { now: Date; timeZone: string; roleHolders?: RoleHolders | undefined },
): Promise<GroupStanding[]> {
  const window = period === "all" ? undefined : currentPeriod(period, options.now, options.timeZone);
  const roleOnly = await roleOnlyMembers(db, guildId, options.roleHolders ?? noRoleHolders);
  // Every lookup is a lateral subquery with `limit 1`: one primary-key probe per group or holder,
  // whatever the planner guesses about the size of the JSON. All time needs one row per group (it
  // holds the member count too), a week or month a second one.
  const current = window
    ? sql`left join lateral (select ${gps.active} as active, ${gps.points} as points from ${gps}
          where ${gps.groupId} = g.id and ${gps.period} = ${window.period} and ${gps.startsOn} = ${window.startsOn}::date
          limit 1) t on true`
    : sql`left join lateral (select a.active, a.points) t on true`;
  const rows = await queryRows<{
    id: number;
    name: string;
    role_id: string | null;
    members: unknown;
    active: unknown;
    points: unknown;
  }>(
    db,
    sql`with g as (select ${studyGroups.id} as id, ${studyGroups.name} as name, ${studyGroups.roleId} as role_id
        from ${studyGroups} where ${studyGroups.guildId} = ${guildId}),
      extra as (
        select e.group_id::int as group_id, count(*) as members, count(*) filter (where s.answered > 0) as active,
          sum(s.points) as points
        from jsonb_each(${roleOnly}::jsonb) as e(group_id, holders)
          cross join jsonb_array_elements_text(e.holders) as r(user_id)
          left join lateral (select points, answered from (${scoreRows(guildId, window, undefined)}) s
            where s.user_id = r.user_id limit 1) s on true
        group by e.group_id)
      select g.id, g.name, g.role_id, coalesce(a.members, 0) + coalesce(extra.members, 0) as members,
        coalesce(t.active, 0) + coalesce(extra.active, 0) as active,
        coalesce(t.points, 0) + coalesce(extra.points, 0) as points
      from g
        left join lateral (select ${gps.members} as members, ${gps.active} as active, ${gps.points} as points
          from ${gps} where ${gps.groupId} = g.id and ${gps.period} = 'all' and ${gps.startsOn} = ${allTimeKey}::date
          limit 1) a on true
        ${current}
        left join extra on extra.group_id = g.id`,
  );
  return rankGroups(rows);
}

/**
 * The holders of each group's linked role who are not also explicit members of it (those are in the
 * group's maintained totals already), as JSON { "<group id>": [user id, …] }: the role memberships of
 * membershipRows. One query reads the linked groups with their explicit members; the holders come
 * from the Discord layer.
 */
async function roleOnlyMembers(db: Db, guildId: string, roleHolders: RoleHolders): Promise<string> {
  const linked = await queryRows<{ id: number; role_id: string; members: string[] | null }>(
    db,
    sql`select ${studyGroups.id} as id, ${studyGroups.roleId} as role_id,
        (select array_agg(${groupMembers.userId}) from ${groupMembers} where ${groupMembers.groupId} = ${studyGroups.id})
          as members
      from ${studyGroups} where ${studyGroups.guildId} = ${guildId} and ${studyGroups.roleId} is not null`,
  );
  const holdersOf = new Map<string, readonly string[]>();
  const groups: Record<string, string[]> = {};
  for (const group of linked) {
    let holders = holdersOf.get(group.role_id);
    if (!holders) {
      holders = roleHolders(group.role_id);
      holdersOf.set(group.role_id, holders);
    }
    const explicit = new Set(group.members ?? []);
    // In key order, so that consecutive lookups land on the same index pages.
    const roleOnly = holders.filter((userId) => !explicit.has(userId)).sort();
    if (roleOnly.length > 0) groups[String(group.id)] = roleOnly;
  }
  return JSON.stringify(groups);
}

/** Turns per-group totals into standings: by average points per active member, ties sharing a rank. */
export function rankGroups(
  rows: readonly {
    id: unknown;
    name: string;
    role_id: string | null;
    members: unknown;
    active: unknown;
    points: unknown;
  }[],
): GroupStanding[] {
  const standings = rows.map((row) => {
    const active = toNumber(row.active);
    const points = toNumber(row.points);
    return {
      rank: 0,
      groupId: Number(row.id),
      name: row.name,
      roleId: row.role_id,
      members: toNumber(row.members),
      active,
      points,
      average: active === 0 ? 0 : points / active,
    };
  });
  standings.sort((a, b) => b.average - a.average || b.active - a.active || a.name.localeCompare(b.name));
  standings.forEach((standing, index) => {
    const previous = standings[index - 1];
    standing.rank = previous && previous.average === standing.average ? previous.rank : index + 1;
  });
  return standings;
}
