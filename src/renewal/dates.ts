import { DateTime } from "luxon";

// Calendar dates as "YYYY-MM-DD" strings: certification dates have no time of day and no zone,
// and ISO strings compare correctly with < and >, so no Date objects leak out of this file.

export type CalendarDate = string;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The date as luxon's, in UTC (a calendar date has no zone); invalid when it is no real YYYY-MM-DD day. */
function toDateTime(date: CalendarDate): DateTime {
  if (!datePattern.test(date)) return DateTime.invalid("not YYYY-MM-DD");
  return DateTime.fromFormat(date, "yyyy-MM-dd", { zone: "utc" });
}

function validDate(date: CalendarDate): DateTime {
  const parsed = toDateTime(date);
  if (!parsed.isValid) throw new Error(`not a calendar date (YYYY-MM-DD): ${date}`);
  return parsed;
}

function calendarDate(value: DateTime): CalendarDate {
  const date = value.toISODate();
  if (date === null) throw new Error(`not a calendar date: ${value.invalidExplanation}`);
  return date;
}

export function isCalendarDate(value: string): boolean {
  return toDateTime(value).isValid;
}

/** Adds whole months; a day past the end of the target month clamps to its last day (Feb 29 → Feb 28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  return calendarDate(validDate(date).plus({ months }));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return calendarDate(validDate(date).plus({ days }));
}

/** Whole days from one date to another (negative when `to` comes first). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return validDate(to).diff(validDate(from), "days").days;
}

export function earliestDate(dates: readonly CalendarDate[]): CalendarDate | undefined {
  return dates.reduce<CalendarDate | undefined>(
    (min, d) => (min === undefined || d < min ? d : min),
    undefined,
  );
}
