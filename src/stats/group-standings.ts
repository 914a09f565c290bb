import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { membershipRows, noRoleHolders, type RoleHolders, roleMemberships } from "./groups.js";
import { queryRows, toNumber } from "./rows.js";
import { scoreRows } from "./scores.js";
import { currentPeriod, type Period } from "./zone.js";

export interface GroupStanding {
  rank: number;
  groupId: number;
  name: string;
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
 * Each member's points come from the maintained aggregates (member_stats or period_scores) by key.
 */
export async function groupStandings(
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
    members: unknown;
    active: unknown;
    points: unknown;
  }>(
    db,
    sql`with g as (select id, name, role_id from study_groups where guild_id = ${guildId}),
      m as materialized (${membershipRows(pairs)}),
      s as not materialized (${scoreRows(guildId, window, undefined)}),
      sizes as (select group_id, count(*) as members from m group by group_id),
      scored as (
        select m.group_id, count(*) filter (where s.answered > 0) as active, sum(s.points) as points
        from m join s on s.user_id = m.user_id group by m.group_id)
      select g.id, g.name, coalesce(sizes.members, 0) as members, coalesce(scored.active, 0) as active,
        coalesce(scored.points, 0) as points
      from g left join sizes on sizes.group_id = g.id left join scored on scored.group_id = g.id`,
  );
  const standings = rows.map((row) => {
    const active = toNumber(row.active);
    const points = toNumber(row.points);
    return {
      rank: 0,
      groupId: Number(row.id),
      name: row.name,
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
