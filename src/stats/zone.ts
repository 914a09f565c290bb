import { asc, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "../db/client.js";
import { guildSettings, quizChannels } from "../db/schema.js";
import { periodStarts } from "../quiz/schedule.js";

export type Period = "week" | "month" | "all";

/**
 * The server's zone for weeks and months: the zone of its first quiz channel (the closer keys weekly and
 * monthly scores by the quiz channel's zone, so reading in the same zone finds them), else the server
 * default from guild settings, else UTC.
 */
export async function serverTimeZone(db: Db, guildId: string): Promise<string> {
  const [channel] = await db
    .select({ timeZone: quizChannels.timeZone })
    .from(quizChannels)
    .where(eq(quizChannels.guildId, guildId))
    .orderBy(asc(quizChannels.id))
    .limit(1);
  if (channel) return channel.timeZone;
  const [settings] = await db
    .select({ timeZone: guildSettings.timeZone })
    .from(guildSettings)
    .where(eq(guildSettings.guildId, guildId));
  return settings?.timeZone ?? "UTC";
}

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
