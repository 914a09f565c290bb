import { TimestampStyles, time } from "discord.js";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { UserError } from "./user-error.js";

/**
 * Per-member limits on what one member could use to crowd out everyone else: creating groups, filing
 * reports, rendering pictures. Counted per server in this process (a server's events reach one process).
 */
export const memberLimits = {
  groupCreate: { points: 3, duration: 60 * 60, what: "create study groups" },
  report: { points: 5, duration: 60 * 60, what: "file question reports" },
  image: { points: 10, duration: 60, what: "draw pictures" },
} as const;

export type LimitedAction = keyof typeof memberLimits;

const limiters = new Map<LimitedAction, RateLimiterMemory>(
  (Object.keys(memberLimits) as LimitedAction[]).map((action) => [
    action,
    new RateLimiterMemory({ points: memberLimits[action].points, duration: memberLimits[action].duration }),
  ]),
);

/** Counts one use of `action`; over the limit, a UserError saying when the member may try again. */
export async function takeMemberLimit(
  action: LimitedAction,
  guildId: string | null,
  userId: string,
  now: Date,
): Promise<void> {
  const limiter = limiters.get(action);
  if (!limiter) return;
  try {
    await limiter.consume(`${guildId ?? "dm"}:${userId}`);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const again = new Date(now.getTime() + rejection.msBeforeNext);
    const { points, duration, what } = memberLimits[action];
    throw new UserError(
      `You can ${what} ${points} times per ${duration >= 3600 ? `${duration / 3600} hour` : `${duration} seconds`}; try again ${time(again, TimestampStyles.RelativeTime)}.`,
    );
  }
}
