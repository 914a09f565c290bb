import { DateTime, IANAZone } from "luxon";

/** When a quiz channel posts: a local time of day in an IANA zone, on some ISO weekdays (1 = Monday). */
export interface Schedule {
  postTime: string;
  timeZone: string;
  weekdays: readonly number[];
  windowHours: number;
}

export interface Occurrence {
  /** The local date the question belongs to, YYYY-MM-DD. */
  localDate: string;
  opensAt: Date;
  closesAt: Date;
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export function parsePostTime(text: string): { hour: number; minute: number } | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}

/**
 * The instant a local date's question opens. Built from the wall-clock time in the zone, so a DST change
 * neither skips nor doubles a day; a time that does not exist that day (a spring-forward gap) moves forward.
 */
export function occurrenceOn(schedule: Schedule, localDate: string): Occurrence {
  const time = parsePostTime(schedule.postTime) ?? { hour: 0, minute: 0 };
  const opens = DateTime.fromISO(localDate, { zone: schedule.timeZone }).set({
    ...time,
    second: 0,
    millisecond: 0,
  });
  return {
    localDate,
    opensAt: opens.toJSDate(),
    closesAt: opens.plus({ hours: schedule.windowHours }).toJSDate(),
  };
}

/** Occurrences on the schedule's weekdays, day by day from the local date of `now`, forwards or backwards. */
function* scheduledDays(schedule: Schedule, now: Date, step: 1 | -1, days = 8): Generator<Occurrence> {
  const today = DateTime.fromJSDate(now, { zone: schedule.timeZone }).startOf("day");
  for (let offset = 0; offset <= days; offset += 1) {
    const day = today.plus({ days: offset * step });
    if (schedule.weekdays.includes(day.weekday)) yield occurrenceOn(schedule, day.toISODate() ?? "");
  }
}

/** The most recent occurrence that has opened by `now` (looking back a week), open or not. */
export function latestOccurrence(schedule: Schedule, now: Date): Occurrence | undefined {
  for (const occurrence of scheduledDays(schedule, now, -1)) if (occurrence.opensAt <= now) return occurrence;
  return undefined;
}

/** The occurrence due now: opened, and its answer window not yet over. */
export function dueOccurrence(schedule: Schedule, now: Date): Occurrence | undefined {
  const latest = latestOccurrence(schedule, now);
  return latest && now < latest.closesAt ? latest : undefined;
}

/** The next time the channel will post, strictly after `now`. */
export function nextOccurrence(schedule: Schedule, now: Date): Occurrence | undefined {
  for (const occurrence of scheduledDays(schedule, now, 1)) if (occurrence.opensAt > now) return occurrence;
  return undefined;
}

/** The occurrences strictly after `now` over the next two weeks, in order. */
export function* upcomingOccurrences(schedule: Schedule, now: Date): Generator<Occurrence> {
  for (const occurrence of scheduledDays(schedule, now, 1, 15))
    if (occurrence.opensAt > now) yield occurrence;
}

const dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * Reads a weekday list as an admin would type it: "daily", "weekdays", "weekends", "mon-fri", "mon,wed,fri",
 * or ISO numbers 1–7. Returns sorted ISO weekdays, or undefined when a part is not understood.
 */
export function parseWeekdays(text: string): number[] | undefined {
  const normalized = text.trim().toLowerCase();
  if (normalized === "" || normalized === "daily" || normalized === "every day") return [1, 2, 3, 4, 5, 6, 7];
  if (normalized === "weekdays") return [1, 2, 3, 4, 5];
  if (normalized === "weekends") return [6, 7];
  const day = (part: string) => {
    const index = dayNames.indexOf(part.slice(0, 3));
    if (index >= 0 && dayNames.some((name) => part.startsWith(name))) return index + 1;
    return /^[1-7]$/.test(part) ? Number(part) : undefined;
  };
  const days = new Set<number>();
  for (const part of normalized.split(/[\s,]+/).filter(Boolean)) {
    const [from, to, ...rest] = part.split("-").map(day);
    if (from === undefined || rest.length > 0 || (part.includes("-") && to === undefined)) return undefined;
    if (to === undefined) days.add(from);
    else
      for (let d = from; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === to) break;
      }
  }
  return [...days].sort((a, b) => a - b);
}

export function formatWeekdays(weekdays: readonly number[]): string {
  if (weekdays.length === 7) return "every day";
  if (weekdays.join() === "1,2,3,4,5") return "Mon–Fri";
  return weekdays.map((d) => (dayNames[d - 1] ?? "?").replace(/^./, (c) => c.toUpperCase())).join(", ");
}
