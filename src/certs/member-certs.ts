// A member's certifications: add, remove, list. Expected problems come back as values; nothing is
// written unless the input is valid.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { memberCertifications } from "../db/schema.js";
import { daysBetween } from "../renewal/dates.js";
import {
  type CalendarDate,
  type Certification,
  computeExpiry,
  findCertification,
  type HeldCert,
  resolveCertification,
} from "../renewal/index.js";
import { parsePastDate } from "./dates.js";
import { rememberReminderGuild } from "./member-settings.js";
import type { InputProblem } from "./problems.js";

/** Days before expiry from which a certification counts as expiring soon (the first reminder). */
export const expiringSoonDays = 90;

export type CertStatus = "active" | "expiring" | "lapsed";
export type ListedCert = HeldCert & { name: string; daysLeft: number; status: CertStatus };
export type AddOutcome =
  | { kind: "added" | "updated"; cert: Certification; earnedOn: CalendarDate; expiresOn: CalendarDate }
  | InputProblem;
export type RemoveOutcome = { kind: "removed"; cert: Certification } | InputProblem;

export async function loadHeld(db: Db, userId: string): Promise<HeldCert[]> {
  return db
    .select({
      code: memberCertifications.certCode,
      earnedOn: memberCertifications.earnedOn,
      expiresOn: memberCertifications.expiresOn,
    })
    .from(memberCertifications)
    .where(eq(memberCertifications.userId, userId))
    .orderBy(asc(memberCertifications.expiresOn), asc(memberCertifications.certCode));
}

/** Several members' certifications in one query, looked up per member. */
export async function loadHeldOf(
  db: Db,
  userIds: readonly string[],
): Promise<(userId: string) => HeldCert[]> {
  if (userIds.length === 0) return () => [];
  const rows = await db
    .select({
      userId: memberCertifications.userId,
      code: memberCertifications.certCode,
      earnedOn: memberCertifications.earnedOn,
      expiresOn: memberCertifications.expiresOn,
    })
    .from(memberCertifications)
    .where(inArray(memberCertifications.userId, [...userIds]));
  return (userId) =>
    rows
      .filter((row) => row.userId === userId)
      .map(({ code, earnedOn, expiresOn }) => ({ code, earnedOn, expiresOn }));
}

export async function addCertification(
  db: Db,
  input: { userId: string; guildId: string | null; code: string; earned: string; today: CalendarDate },
): Promise<AddOutcome> {
  const found = resolveCertification(input.code);
  if (found.kind === "unknown") return found;
  const { cert } = found;
  const date = parsePastDate(input.earned, input.today);
  if (date.kind !== "date") return date;
  if (cert.retiredOn !== undefined && date.date > cert.retiredOn) {
    return { kind: "exam-retired", cert, lastExamDay: cert.retiredOn };
  }
  const expiresOn = computeExpiry(cert, date.date);
  const row = { userId: input.userId, certCode: cert.code, earnedOn: date.date, expiresOn };
  const existed = await db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ code: memberCertifications.certCode })
      .from(memberCertifications)
      .where(
        and(eq(memberCertifications.userId, input.userId), eq(memberCertifications.certCode, cert.code)),
      );
    await tx
      .insert(memberCertifications)
      .values(row)
      .onConflictDoUpdate({
        target: [memberCertifications.userId, memberCertifications.certCode],
        set: { earnedOn: row.earnedOn, expiresOn },
      });
    if (input.guildId) await rememberReminderGuild(tx, input.userId, input.guildId);
    return previous !== undefined;
  });
  return { kind: existed ? "updated" : "added", cert, earnedOn: date.date, expiresOn };
}

export async function removeCertification(
  db: Db,
  input: { userId: string; code: string },
): Promise<RemoveOutcome> {
  const found = resolveCertification(input.code);
  if (found.kind === "unknown") return found;
  const deleted = await db
    .delete(memberCertifications)
    .where(
      and(eq(memberCertifications.userId, input.userId), eq(memberCertifications.certCode, found.cert.code)),
    )
    .returning({ code: memberCertifications.certCode });
  return deleted.length > 0 ? { kind: "removed", cert: found.cert } : { kind: "not-held", cert: found.cert };
}

export function certStatus(held: HeldCert, today: CalendarDate): { daysLeft: number; status: CertStatus } {
  const daysLeft = daysBetween(today, held.expiresOn);
  const status = daysLeft < 0 ? "lapsed" : daysLeft <= expiringSoonDays ? "expiring" : "active";
  return { daysLeft, status };
}

/** The member's certifications, soonest expiry first, with days left counted from `today`. */
export async function listCertifications(db: Db, userId: string, today: CalendarDate): Promise<ListedCert[]> {
  const held = await loadHeld(db, userId);
  return held.map((h) => ({
    ...h,
    // A code dropped from the catalog still shows, under its code.
    name: findCertification(h.code)?.name ?? h.code,
    ...certStatus(h, today),
  }));
}
