// The renewal planner over the certifications a member has recorded.
import type { Db } from "../db/client.js";
import { type CalendarDate, planRenewals, type RenewalPlan } from "../renewal/index.js";
import { loadHeld } from "./member-certs.js";

/** One full validity period: everything a member holds today comes up for renewal within it. */
export const defaultPlanMonths = 36;
export const maxPlanMonths = 60;

export type MemberPlan = { kind: "plan"; plan: RenewalPlan; heldCount: number };

export async function planForMember(
  db: Db,
  input: { userId: string; today: CalendarDate; months?: number | undefined },
): Promise<MemberPlan> {
  const held = await loadHeld(db, input.userId);
  const months = Math.min(maxPlanMonths, Math.max(1, input.months ?? defaultPlanMonths));
  const plan = planRenewals(held, { today: input.today, horizonMonths: months });
  // `today` comes from the clock, never from a member, so an invalid one is a bug.
  if (plan.kind !== "plan") throw new Error(`planRenewals refused today's date ${input.today}`);
  return { kind: "plan", plan, heldCount: held.length };
}
