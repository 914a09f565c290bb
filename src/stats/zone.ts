import { DateTime } from "luxon";
import { periodStarts } from "../quiz/schedule.js";

export type Period = "week" | "month" | "all";

export interface PeriodWindow {
  period: "week" | "month";
  /** First local date of the period (Monday, or the 1st): the key of period_scores. */
  startsOn: string;
  /** The period as instants, for queries over raw answers by closing time. */
  from: Date;
  until: Date;
}

/** The current week or month around `now` in a zone; weeks start on Monday. */
export function currentPeriod(period: "week" | "month", now: Date, timeZone: string): PeriodWindow {
  const startsOn = periodStarts(now, timeZone)[period];
  const start = DateTime.fromISO(startsOn, { zone: timeZone });
  const end = start.plus(period === "week" ? { weeks: 1 } : { months: 1 });
  return { period, startsOn, from: start.toJSDate(), until: end.toJSDate() };
}
