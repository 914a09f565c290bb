import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  dueOccurrence,
  latestOccurrence,
  nextOccurrence,
  occurrenceOn,
  type Schedule,
} from "../../src/quiz/schedule.js";
import { periodStarts } from "../../src/stats/zone.js";

const newYork: Schedule = {
  postTime: "07:30",
  timeZone: "America/New_York",
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  windowHours: 24,
};

describe("schedule", () => {
  it("opens at 07:30 local time on both sides of the New York DST changes", () => {
    // 2026-03-08 spring forward, 2026-11-01 fall back.
    expect(occurrenceOn(newYork, "2026-03-07").opensAt.toISOString()).toBe("2026-03-07T12:30:00.000Z");
    expect(occurrenceOn(newYork, "2026-03-08").opensAt.toISOString()).toBe("2026-03-08T11:30:00.000Z");
    expect(occurrenceOn(newYork, "2026-10-31").opensAt.toISOString()).toBe("2026-10-31T11:30:00.000Z");
    expect(occurrenceOn(newYork, "2026-11-01").opensAt.toISOString()).toBe("2026-11-01T12:30:00.000Z");
  });

  it("moves a post time that does not exist on the spring-forward day to just after the gap", () => {
    const at0230 = { ...newYork, postTime: "02:30" };
    expect(occurrenceOn(at0230, "2026-03-08").opensAt.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("is due from the post time until the window ends, and not before", () => {
    const tokyo: Schedule = {
      postTime: "07:30",
      timeZone: "Asia/Tokyo",
      weekdays: [1, 2, 3, 4, 5],
      windowHours: 12,
    };
    expect(dueOccurrence(tokyo, new Date("2026-11-25T22:29:00Z"))).toBeUndefined();
    expect(dueOccurrence(tokyo, new Date("2026-11-25T22:30:00Z"))?.localDate).toBe("2026-11-26");
    expect(dueOccurrence(tokyo, new Date("2026-11-26T10:29:00Z"))?.localDate).toBe("2026-11-26");
    expect(dueOccurrence(tokyo, new Date("2026-11-26T10:30:00Z"))).toBeUndefined();
    // Saturday 2026-11-28 is not a posting day; Monday 11-30 is next.
    expect(nextOccurrence(tokyo, new Date("2026-11-27T12:00:00Z"))?.localDate).toBe("2026-11-30");
  });

  it("gives exactly one occurrence per local day across a whole year in any zone, DST included", () => {
    const zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Tokyo", "America/Santiago"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (timeZone, hour, minute) => {
          const schedule: Schedule = {
            postTime: `${hour}:${String(minute).padStart(2, "0")}`,
            timeZone,
            weekdays: [1, 2, 3, 4, 5, 6, 7],
            windowHours: 24,
          };
          const seen: string[] = [];
          let now = new Date("2026-01-01T00:00:00Z");
          for (let day = 0; day < 366; day += 1) {
            const next = nextOccurrence(schedule, now);
            if (!next) throw new Error("no next occurrence");
            seen.push(next.localDate);
            expect(latestOccurrence(schedule, next.opensAt)?.localDate).toBe(next.localDate);
            now = next.opensAt;
          }
          const unique = new Set(seen);
          expect(unique.size).toBe(seen.length);
          const first = DateTime.fromISO(seen[0] ?? "");
          expect(seen.at(-1)).toBe(first.plus({ days: seen.length - 1 }).toISODate());
        },
      ),
      { numRuns: 15 },
    );
  });

  it("starts weeks on Monday and months on the 1st in the given zone", () => {
    // Sunday 23:30 in New York is already Monday in UTC.
    expect(periodStarts(new Date("2026-11-30T04:30:00Z"), "America/New_York")).toEqual({
      week: "2026-11-23",
      month: "2026-11-01",
    });
    expect(periodStarts(new Date("2026-11-30T04:30:00Z"), "UTC")).toEqual({
      week: "2026-11-30",
      month: "2026-11-01",
    });
  });
});

describe("weekday lists", () => {
  it("reads the ways an admin types them", async () => {
    const { parseWeekdays } = await import("../../src/quiz/schedule.js");
    expect(parseWeekdays("daily")).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseWeekdays("weekdays")).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays("mon-fri")).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays("Mon, Wed, Friday")).toEqual([1, 3, 5]);
    expect(parseWeekdays("sat-mon")).toEqual([1, 6, 7]);
    expect(parseWeekdays("1,7")).toEqual([1, 7]);
    expect(parseWeekdays("funday")).toBeUndefined();
    expect(parseWeekdays("mon-")).toBeUndefined();
    expect(parseWeekdays("8")).toBeUndefined();
  });
});
