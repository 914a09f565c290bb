// Calendar dates as "YYYY-MM-DD" strings: certification dates have no time of day and no zone,
// and ISO strings compare correctly with < and >, so no Date objects leak out of this file.

export type CalendarDate = string;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function splitDate(date: CalendarDate): [number, number, number] | undefined {
  const match = datePattern.exec(date);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids any local-zone shift.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function formatDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isCalendarDate(value: string): boolean {
  const parts = splitDate(value);
  if (!parts) return false;
  const [year, month, day] = parts;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Adds whole months; a day past the end of the target month clamps to its last day (Feb 29 → Feb 28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const parts = splitDate(date);
  if (!parts || !isCalendarDate(date)) throw new Error(`not a calendar date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = parts;
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = (index % 12) + 1;
  return formatDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const parts = splitDate(date);
  if (!parts || !isCalendarDate(date)) throw new Error(`not a calendar date (YYYY-MM-DD): ${date}`);
  const [year, month, day] = parts;
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

export function earliestDate(dates: readonly CalendarDate[]): CalendarDate | undefined {
  return dates.reduce<CalendarDate | undefined>(
    (min, d) => (min === undefined || d < min ? d : min),
    undefined,
  );
}
