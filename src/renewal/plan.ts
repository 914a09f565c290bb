// Plans the fewest exams that renew every held certification expiring soon. Which exam renews what
// comes from the graph; the choice is an exact minimum set cover (plan-search.ts).
import { type Catalog, getCatalog } from "./catalog.js";
import { addDays, addMonths, type CalendarDate, earliestDate, isCalendarDate } from "./dates.js";
import { type HeldCert, isLapsed } from "./expiry.js";
import { type Chain, collectRenewed } from "./graph.js";
import { type CoverOption, findMinimumCover } from "./plan-search.js";
import type { Certification, NonExamRenewal } from "./schema.js";

export type PlannedRenewal = { code: string; expiresOn: CalendarDate; chain: Chain | null };
export type PlanStep = {
  exam: Certification;
  /** Take the exam on or before this day: the earliest expiry among what it renews. */
  deadline: CalendarDate;
  /** Providers with a renewal window (Google Cloud) refuse the exam before this day. */
  opensOn: CalendarDate | null;
  renews: PlannedRenewal[];
  /** Held certifications outside the horizon that the same pass also extends. */
  alsoRenews: string[];
  earnsNew: boolean;
};
export type RenewalPlan = {
  kind: "plan";
  today: CalendarDate;
  horizonEnd: CalendarDate;
  steps: PlanStep[];
  unrenewable: HeldCert[];
  lapsed: HeldCert[];
  nonExam: NonExamRenewal[];
  totalMinutes: number;
};
export type PlanOptions = { today: CalendarDate; horizonMonths: number };

function isTakeable(cert: Certification): boolean {
  return cert.status === "active";
}

type StepContext = {
  held: readonly HeldCert[];
  scopeCodes: ReadonlySet<string>;
  catalog: Catalog;
  today: CalendarDate;
};

function buildStep(
  exam: Certification,
  assigned: HeldCert[],
  { held, scopeCodes, catalog, today }: StepContext,
): PlanStep {
  const reach = new Map(collectRenewed(exam.code, catalog).map((r) => [r.code, r.chain]));
  const renews = assigned
    .map((h) => ({ code: h.code, expiresOn: h.expiresOn, chain: reach.get(h.code) ?? null }))
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.code.localeCompare(b.code));
  const deadline = earliestDate(renews.map((r) => r.expiresOn)) ?? today;
  const own = assigned.find((h) => h.code === exam.code);
  const window = exam.renewalWindowDays;
  const alsoRenews = held
    .filter(
      (h) => !scopeCodes.has(h.code) && !isLapsed(h, today) && (h.code === exam.code || reach.has(h.code)),
    )
    .map((h) => h.code);
  const heldOwn = held.find((h) => h.code === exam.code);
  return {
    exam,
    deadline,
    opensOn: own && window ? addDays(own.expiresOn, -window) : null,
    renews,
    alsoRenews,
    earnsNew: !heldOwn || isLapsed(heldOwn, today),
  };
}

/** Gives each renewed certification to one step: its only coverer, else the most urgent coverer. */
function assignTargets(chosen: CoverOption[], scope: HeldCert[]): Map<string, HeldCert[]> {
  const assigned = new Map<string, HeldCert[]>(chosen.map((option) => [option.code, []]));
  const deadline = (code: string) =>
    earliestDate((assigned.get(code) ?? []).map((h) => h.expiresOn)) ?? "9999-12-31";
  const byCoverers = scope
    .map((h) => ({ h, coverers: chosen.filter((option) => option.covers.has(h.code)) }))
    .filter((entry) => entry.coverers.length > 0)
    .sort((a, b) => a.coverers.length - b.coverers.length);
  for (const { h, coverers } of byCoverers) {
    const target = coverers.reduce((a, b) => (deadline(b.code) < deadline(a.code) ? b : a));
    assigned.get(target.code)?.push(h);
  }
  return assigned;
}

export function planRenewals(
  held: readonly HeldCert[],
  { today, horizonMonths }: PlanOptions,
  catalog: Catalog = getCatalog(),
): RenewalPlan | { kind: "invalid-date"; input: string } {
  if (!isCalendarDate(today)) return { kind: "invalid-date", input: today };
  const horizonEnd = addMonths(today, horizonMonths);
  const known = held.filter((h) => catalog.byCode.has(h.code));
  const lapsed = known.filter((h) => isLapsed(h, today));
  const scope = known.filter((h) => !isLapsed(h, today) && h.expiresOn <= horizonEnd);
  const scopeCodes = new Set(scope.map((h) => h.code));

  const options: CoverOption[] = catalog.certifications.filter(isTakeable).flatMap((cert) => {
    const reached = [cert.code, ...collectRenewed(cert.code, catalog).map((r) => r.code)];
    const covers = new Set(reached.filter((code) => scopeCodes.has(code)));
    return covers.size > 0 ? [{ code: cert.code, minutes: cert.examMinutes ?? 0, covers }] : [];
  });
  const chosen = findMinimumCover([...scopeCodes], options);
  const assigned = assignTargets(chosen, scope);
  const context = { held: known, scopeCodes, catalog, today };
  const steps = chosen
    .flatMap((option) => {
      const exam = catalog.byCode.get(option.code);
      return exam ? [buildStep(exam, assigned.get(option.code) ?? [], context)] : [];
    })
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.exam.code.localeCompare(b.exam.code));
  const covered = new Set(chosen.flatMap((option) => [...option.covers]));

  return {
    kind: "plan",
    today,
    horizonEnd,
    steps,
    unrenewable: scope.filter((h) => !covered.has(h.code)),
    lapsed,
    nonExam: catalog.nonExamRenewals.filter((option) => scopeCodes.has(option.renews)),
    totalMinutes: chosen.reduce((sum, option) => sum + option.minutes, 0),
  };
}
