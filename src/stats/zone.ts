import { DateTime } from "luxon";

export type Period = "week" | "month" | "all";

export interface PeriodWindow {
  period: "week" | "month";
  /** First local date of the period (Monday, or the 1st): the key of period_scores. */
  startsOn: string;
  /** The period as instants, for queries over raw answers by closing time. */
  from: Date;
  until: Date;
}

/** Monday of the week and first of the month of an instant, in a zone: the keys of period leaderboards. */
export function periodStarts(now: Date, timeZone: string): { week: string; month: string } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  return { week: local.startOf("week").toISODate() ?? "", month: local.startOf("month").toISODate() ?? "" };
}

/** The current week or month around `now` in a zone; weeks start on Monday. */
export function currentPeriod(period: "week" | "month", now: Date, timeZone: string): PeriodWindow {
  const startsOn = periodStarts(now, timeZone)[period];
  const start = DateTime.fromISO(startsOn, { zone: timeZone });
  const end = start.plus(period === "week" ? { weeks: 1 } : { months: 1 });
  return { period, startsOn, from: start.toJSDate(), until: end.toJSDate() };
}
