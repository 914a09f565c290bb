import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db/client.js";
import { queryRows, toNumber } from "../db/rows.js";
import { groupMembers, studyGroups } from "../db/schema.js";
import { applyMembership, lockGroupScores } from "./group-scores.js";

/**
 * Who holds a role, as far as the Discord layer knows. Membership of a group is its explicit members plus
 * the holders of its linked role; Discord owns the roles, so the core asks for the roles it needs.
 */
export type RoleHolders = (roleId: string) => readonly string[];

export const noRoleHolders: RoleHolders = () => [];

export type StudyGroup = typeof studyGroups.$inferSelect;

export const groupNameLimit = 32;
export const groupsPerServer = 100;

/** Letters and digits first, then letters, digits, spaces and a few harmless signs. */
const namePattern = /^[\p{L}\p{N}][\p{L}\p{N} _.'&+-]*$/u;

export type NameCheck = { ok: true; name: string; nameKey: string } | { ok: false; reason: string };

function checkGroupName(input: string): NameCheck {
  const name = input.trim().replace(/\s+/g, " ");
  if (name.length < 2 || name.length > groupNameLimit)
    return { ok: false, reason: `A group name has 2 to ${groupNameLimit} characters.` };
  if (!namePattern.test(name))
    return {
      ok: false,
      reason: "A group name starts with a letter or digit and uses letters, digits, spaces and - _ . ' & +.",
    };
  return { ok: true, name, nameKey: nameKeyOf(name) };
}

export type CreateOutcome =
  | { kind: "created"; group: StudyGroup }
  | { kind: "exists"; name: string }
  | { kind: "invalid"; reason: string }
  | { kind: "full" };

/** Creates a group in a server; its creator joins it. Names are unique per server regardless of case. */
export async function createGroup(
  db: Db,
  guildId: string,
  input: string,
  createdBy: string,
): Promise<CreateOutcome> {
  const check = checkGroupName(input);
  if (!check.ok) return { kind: "invalid", reason: check.reason };
  return db.transaction(async (tx) => {
    const existing = await tx.$count(studyGroups, eq(studyGroups.guildId, guildId));
    if (existing >= groupsPerServer) return { kind: "full" } as const;
    const [group] = await tx
      .insert(studyGroups)
      .values({ guildId, name: check.name, nameKey: check.nameKey, createdBy })
      .onConflictDoNothing()
      .returning();
    if (!group) {
      const found = await findGroup(tx, guildId, check.name);
      return { kind: "exists", name: found?.name ?? check.name } as const;
    }
    await lockGroupScores(tx, guildId, "exclusive");
    await tx.insert(groupMembers).values({ groupId: group.id, userId: createdBy });
    await applyMembership(tx, guildId, group.id, [createdBy], 1);
    return { kind: "created", group } as const;
  });
}

/** The unique key of a name: trimmed, single-spaced, lower case. */
function nameKeyOf(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

export async function findGroup(db: Db, guildId: string, name: string): Promise<StudyGroup | undefined> {
  const [group] = await db
    .select()
    .from(studyGroups)
    .where(and(eq(studyGroups.guildId, guildId), eq(studyGroups.nameKey, nameKeyOf(name))));
  return group;
}

export type JoinOutcome = { kind: "joined" | "already"; group: StudyGroup } | { kind: "unknown" };

export async function joinGroup(db: Db, guildId: string, name: string, userId: string): Promise<JoinOutcome> {
  const group = await findGroup(db, guildId, name);
  if (!group) return { kind: "unknown" };
  const joined = await db.transaction(async (tx) => {
    await lockGroupScores(tx, guildId, "exclusive");
    const inserted = await tx
      .insert(groupMembers)
      .values({ groupId: group.id, userId })
      .onConflictDoNothing()
      .returning({ userId: groupMembers.userId });
    // The member brings their points: all time, and every week and month they have answered in.
    if (inserted.length > 0) await applyMembership(tx, guildId, group.id, [userId], 1);
    return inserted.length > 0;
  });
  return { kind: joined ? "joined" : "already", group };
}

export type LeaveOutcome =
  | { kind: "left"; group: StudyGroup; stillViaRole: boolean }
  | { kind: "not-member"; group: StudyGroup; viaRole: boolean }
  | { kind: "unknown" };

/** Leaves a group; a member who holds the linked role stays in it through the role, and is told so. */
export async function leaveGroup(
  db: Db,
  guildId: string,
  name: string,
  userId: string,
  roleIds: readonly string[],
): Promise<LeaveOutcome> {
  const group = await findGroup(db, guildId, name);
  if (!group) return { kind: "unknown" };
  const removed = await db.transaction(async (tx) => {
    await lockGroupScores(tx, guildId, "exclusive");
    const deleted = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.userId, userId)))
      .returning({ userId: groupMembers.userId });
    if (deleted.length > 0) await applyMembership(tx, guildId, group.id, [userId], -1);
    return deleted;
  });
  const viaRole = group.roleId !== null && roleIds.includes(group.roleId);
  return removed.length > 0
    ? { kind: "left", group, stillViaRole: viaRole }
    : { kind: "not-member", group, viaRole };
}

/** Deletes a group with its memberships and totals; false when there is no such group in this server. */
export async function deleteGroup(db: Db, guildId: string, name: string): Promise<StudyGroup | undefined> {
  const group = await findGroup(db, guildId, name);
  if (!group) return undefined;
  await db.delete(studyGroups).where(and(eq(studyGroups.id, group.id), eq(studyGroups.guildId, guildId)));
  return group;
}

/** Links a role: everyone holding it counts as a member. */
export async function linkGroupRole(
  db: Db,
  guildId: string,
  name: string,
  roleId: string,
): Promise<StudyGroup | undefined> {
  const [group] = await db
    .update(studyGroups)
    .set({ roleId })
    .where(and(eq(studyGroups.guildId, guildId), eq(studyGroups.nameKey, nameKeyOf(name))))
    .returning();
  return group;
}

/** Every role linked to a study group, in any server: the Discord layer keeps their holders in its cache. */
export async function linkedRoleIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ roleId: studyGroups.roleId })
    .from(studyGroups)
    .where(isNotNull(studyGroups.roleId));
  return rows.flatMap(({ roleId }) => (roleId === null ? [] : [roleId]));
}

export interface GroupSummary {
  id: number;
  name: string;
  roleId: string | null;
  /** Explicit members plus the known holders of the linked role, each counted once. */
  members: number;
  /** Whether the asking member belongs to it, explicitly or through the role. */
  isMember: boolean;
}

export interface Asker {
  userId: string;
  roleIds: readonly string[];
}

/** Every group of a server, by name, with member counts. */
export async function listGroups(
  db: Db,
  guildId: string,
  asker: Asker,
  roleHolders: RoleHolders = noRoleHolders,
): Promise<GroupSummary[]> {
  const pairs = await roleMemberships(db, guildId, roleHolders);
  const rows = await queryRows<{
    id: number;
    name: string;
    role_id: string | null;
    members: unknown;
    mine: unknown;
  }>(
    db,
    sql`with g as (select ${studyGroups.id} as id, ${studyGroups.name} as name, ${studyGroups.roleId} as role_id
        from ${studyGroups} where ${studyGroups.guildId} = ${guildId}),
      m as (${membershipRows(pairs)})
      select g.id, g.name, g.role_id, count(m.user_id) as members,
        count(*) filter (where m.user_id = ${asker.userId}) as mine
      from g left join m on m.group_id = g.id
      group by g.id, g.name, g.role_id
      order by lower(g.name)`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    roleId: row.role_id,
    members: toNumber(row.members),
    isMember: toNumber(row.mine) > 0 || (row.role_id !== null && asker.roleIds.includes(row.role_id)),
  }));
}

/**
 * (group_id, user_id) for every group of the CTE `g` (id, role_id): explicit members, plus the holders
 * of each group's role who are not also explicit members, so nobody is counted twice.
 */
export function membershipRows(pairs: readonly RoleMembership[]) {
  const x = alias(groupMembers, "x");
  return sql`select ${groupMembers.groupId} as group_id, ${groupMembers.userId} as user_id
      from g join ${groupMembers} on ${groupMembers.groupId} = g.id
    union all
    select g.id, r."userId" from g
      join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as r("roleId" text, "userId" text)
        on r."roleId" = g.role_id
    where not exists (select 1 from ${groupMembers} ${x} where ${x.groupId} = g.id and ${x.userId} = r."userId")`;
}

export interface RoleMembership {
  roleId: string;
  userId: string;
}

/** The known holders of every role linked to a group of the server. */
export async function roleMemberships(
  db: Db,
  guildId: string,
  roleHolders: RoleHolders,
): Promise<RoleMembership[]> {
  const linked = await db
    .selectDistinct({ roleId: studyGroups.roleId })
    .from(studyGroups)
    .where(and(eq(studyGroups.guildId, guildId), isNotNull(studyGroups.roleId)));
  return linked.flatMap(({ roleId }) =>
    roleId === null ? [] : roleHolders(roleId).map((userId) => ({ roleId, userId })),
  );
}

/** Group names starting with (or containing) what a member typed, for autocomplete. */
export async function searchGroupNames(
  db: Db,
  guildId: string,
  typed: string,
  limit = 25,
): Promise<string[]> {
  const rows = await db
    .select({ name: studyGroups.name })
    .from(studyGroups)
    .where(
      and(
        eq(studyGroups.guildId, guildId),
        sql`${studyGroups.nameKey} like ${`%${typed.toLowerCase().replace(/[%_\\]/g, "")}%`}`,
      ),
    )
    .orderBy(asc(studyGroups.nameKey))
    .limit(limit);
  return rows.map((row) => row.name);
}
