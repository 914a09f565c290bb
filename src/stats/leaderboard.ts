import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows, toNumber } from "../db/rows.js";
import { groupMembers, memberStats } from "../db/schema.js";
import { findGroup, type RoleHolders } from "./groups.js";
import { scoreRows } from "./scores.js";
import { currentPeriod, type Period, type PeriodWindow } from "./zone.js";

const leaderboardSize = 10;

export interface LeaderboardOptions {
  now: Date;
  /** The server's zone (serverTimeZone): weeks start on its Monday, months on its 1st. */
  timeZone: string;
  /** A study group's name: only its members are ranked. */
  group?: string | undefined;
  /** An exam code: only answers to that exam count. */
  exam?: string | undefined;
  /** The member asking: their own rank is returned even outside the top. */
  callerId?: string | undefined;
  roleHolders?: RoleHolders | undefined;
}

export interface Standing {
  rank: number;
  userId: string;
  points: number;
  answered: number;
  correct: number;
  /** correct / answered, 0 when nothing was answered. */
  accuracy: number;
  /** The member's current streak in the server (their best current run in any quiz channel). */
  streak: number;
}

export type LeaderboardResult =
  | {
      kind: "ok";
      period: Period;
      window: PeriodWindow | undefined;
      group: string | undefined;
      exam: string | undefined;
      top: Standing[];
      /** The caller's standing, when they have answered in this ranking. */
      caller: Standing | undefined;
    }
  | { kind: "unknown-group"; name: string };

/**
 * The top members of a server by points, ranked by competition ranking (ties share a rank, the next
 * rank skips: 1, 1, 3), plus the caller's own standing. Reads the maintained aggregates: the top is an
 * ordered index scan, the caller's rank one count of the members with more points.
 */
export async function leaderboard(
  db: Db,
  guildId: string,
  period: Period,
  options: LeaderboardOptions,
): Promise<LeaderboardResult> {
  const window = period === "all" ? undefined : currentPeriod(period, options.now, options.timeZone);
  let scores = scoreRows(guildId, window, options.exam);
  let groupName: string | undefined;
  if (options.group !== undefined) {
    const group = await findGroup(db, guildId, options.group);
    if (!group) return { kind: "unknown-group", name: options.group };
    groupName = group.name;
    const holders = group.roleId ? (options.roleHolders?.(group.roleId) ?? []) : [];
    scores = sql`select * from (${scores}) all_scores where user_id in (
      select ${groupMembers.userId} from ${groupMembers} where ${groupMembers.groupId} = ${group.id}
      union select jsonb_array_elements_text(${JSON.stringify(holders)}::jsonb))`;
  }
  const top = await queryRows<StandingRow>(
    db,
    sql`select t.user_id, t.points, t.answered, t.correct, rank() over (order by t.points desc) as rank,
        coalesce(${memberStats.currentStreak}, 0) as streak
      from (select * from (${scores}) s order by points desc, answered asc, user_id asc limit ${leaderboardSize}) t
        left join ${memberStats} on ${memberStats.guildId} = ${guildId} and ${memberStats.userId} = t.user_id
      order by t.points desc, t.answered asc, t.user_id asc`,
  );
  const standings = top.map(toStanding);
  let caller = options.callerId ? standings.find((entry) => entry.userId === options.callerId) : undefined;
  if (options.callerId && !caller) caller = await callerStanding(db, guildId, scores, options.callerId);
  return { kind: "ok", period, window, group: groupName, exam: options.exam, top: standings, caller };
}

interface StandingRow {
  user_id: string;
  points: unknown;
  answered: unknown;
  correct: unknown;
  rank: unknown;
  streak: unknown;
}

/** One more than the number of members with strictly more points: the same rank the top list gives. */
async function callerStanding(
  db: Db,
  guildId: string,
  scores: ReturnType<typeof scoreRows>,
  callerId: string,
): Promise<Standing | undefined> {
  const [row] = await queryRows<StandingRow>(
    db,
    sql`with s as not materialized (${scores})
      select c.user_id, c.points, c.answered, c.correct,
        (select count(*) from s where s.points > c.points) + 1 as rank,
        coalesce((select ${memberStats.currentStreak} from ${memberStats}
          where ${memberStats.guildId} = ${guildId} and ${memberStats.userId} = ${callerId}), 0) as streak
      from s c where c.user_id = ${callerId}`,
  );
  return row ? toStanding(row) : undefined;
}

function toStanding(row: StandingRow): Standing {
  const answered = toNumber(row.answered);
  const correct = toNumber(row.correct);
  return {
    rank: toNumber(row.rank),
    userId: row.user_id,
    points: toNumber(row.points),
    answered,
    correct,
    accuracy: answered === 0 ? 0 : correct / answered,
    streak: toNumber(row.streak),
  };
}
