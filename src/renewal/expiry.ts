// Expiry rules over a member's held certifications, as pure functions: a pass renews the passed
// certification and everything it renews transitively, each for its own validity from the pass date.
// A lapsed certification (expired before the pass date) is not renewed: it must be earned again.
import { type Catalog, getCatalog, resolveCertification, type UnknownCertification } from "./catalog.js";
import { addMonths, type CalendarDate, isCalendarDate } from "./dates.js";
import { type Chain, collectRenewed } from "./graph.js";
import type { Certification } from "./schema.js";

export type HeldCert = { code: string; earnedOn: CalendarDate; expiresOn: CalendarDate };
export type PassChange = {
  code: string;
  how: "earned" | "re-earned" | "renewed";
  previousExpiresOn: CalendarDate | null;
  expiresOn: CalendarDate;
  /** How the pass reached this certification; null for the passed certification itself. */
  chain: Chain | null;
};
export type PassOutcome =
  | {
      kind: "applied";
      passed: Certification;
      passDate: CalendarDate;
      held: HeldCert[];
      changes: PassChange[];
      lapsed: HeldCert[];
    }
  | { kind: "exam-retired"; cert: Certification; lastExamDay: CalendarDate }
  | { kind: "invalid-date"; input: string }
  | UnknownCertification;

export function computeExpiry(cert: Certification, earnedOn: CalendarDate): CalendarDate {
  return addMonths(earnedOn, cert.validityMonths);
}

/** Valid through its expiry day itself; lapsed from the day after. */
export function isLapsed(held: HeldCert, onDate: CalendarDate): boolean {
  return held.expiresOn < onDate;
}

function laterDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

function applyOwnPass(cert: Certification, current: HeldCert | undefined, passDate: CalendarDate) {
  const expiresOn = computeExpiry(cert, passDate);
  if (!current) {
    return { held: { code: cert.code, earnedOn: passDate, expiresOn }, how: "earned" as const };
  }
  if (isLapsed(current, passDate)) {
    return { held: { code: cert.code, earnedOn: passDate, expiresOn }, how: "re-earned" as const };
  }
  // A renewal keeps the original earned date: the credential continues, only its expiry moves
  // (never backwards, should passes be recorded out of order).
  return {
    held: { ...current, expiresOn: laterDate(current.expiresOn, expiresOn) },
    how: "renewed" as const,
  };
}

export function applyPass(
  held: readonly HeldCert[],
  code: string,
  passDate: CalendarDate,
  catalog: Catalog = getCatalog(),
): PassOutcome {
  if (!isCalendarDate(passDate)) return { kind: "invalid-date", input: passDate };
  const found = resolveCertification(code, catalog);
  if (found.kind === "unknown") return found;
  const passed = found.cert;
  if (passed.status === "retired" && passed.retiredOn !== undefined && passDate > passed.retiredOn) {
    return { kind: "exam-retired", cert: passed, lastExamDay: passed.retiredOn };
  }

  const byCode = new Map(held.map((h) => [h.code.toUpperCase(), h]));
  const own = applyOwnPass(passed, byCode.get(passed.code), passDate);
  const changes: PassChange[] = [
    {
      code: passed.code,
      how: own.how,
      previousExpiresOn: byCode.get(passed.code)?.expiresOn ?? null,
      expiresOn: own.held.expiresOn,
      chain: null,
    },
  ];
  const updated = new Map<string, HeldCert>([[passed.code, own.held]]);
  const lapsed: HeldCert[] = [];

  for (const { code: renewedCode, chain } of collectRenewed(passed.code, catalog)) {
    const current = byCode.get(renewedCode);
    const cert = catalog.byCode.get(renewedCode);
    if (!current || !cert) continue;
    if (isLapsed(current, passDate)) {
      lapsed.push(current);
      continue;
    }
    const expiresOn = computeExpiry(cert, passDate);
    if (expiresOn <= current.expiresOn) continue;
    updated.set(renewedCode, { ...current, expiresOn });
    changes.push({
      code: renewedCode,
      how: "renewed",
      previousExpiresOn: current.expiresOn,
      expiresOn,
      chain,
    });
  }

  const untouched = held.filter((h) => !updated.has(h.code.toUpperCase()));
  return { kind: "applied", passed, passDate, held: [...untouched, ...updated.values()], changes, lapsed };
}
