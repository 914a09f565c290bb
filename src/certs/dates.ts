// Calendar days for members' certification dates. "Today" is the UTC date; a date one day past it is
// still accepted, because somewhere on Earth (up to UTC+14) it is already that day.
import { addDays, type CalendarDate, isCalendarDate } from "../renewal/dates.js";

export type DateInput =
  | { kind: "date"; date: CalendarDate }
  | { kind: "malformed-date"; input: string }
  | { kind: "future-date"; date: CalendarDate; today: CalendarDate }
  | { kind: "too-early"; date: CalendarDate; earliest: CalendarDate };

/** No certification this bot knows is older; an earlier date is a typo (0000-… or 1926 for 2026). */
const earliestPassDate: CalendarDate = "1990-01-01";

export function todayOf(now: Date): CalendarDate {
  return now.toISOString().slice(0, 10);
}

/** A day on which something already happened (an exam pass): YYYY-MM-DD, real, from 1990, not in the future. */
export function parsePastDate(input: string, today: CalendarDate): DateInput {
  const date = input.trim();
  if (!isCalendarDate(date)) return { kind: "malformed-date", input };
  if (date < earliestPassDate) return { kind: "too-early", date, earliest: earliestPassDate };
  if (date > addDays(today, 1)) return { kind: "future-date", date, today };
  return { kind: "date", date };
}
