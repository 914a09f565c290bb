import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/**
 * Which of Discord's shards this process runs. Discord sends a guild's events to shard
 * `(guild_id >> 22) % shard_count`; the process ticks, reconciles and reminds only for those guilds.
 * `undefined` means every shard (one process runs them all, the default).
 */
export interface ShardScope {
  count: number;
  ids: readonly number[];
}

/** The shard Discord routes a guild to. */
export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

export function ownsGuild(scope: ShardScope | undefined, guildId: string | null | undefined): boolean {
  if (!scope) return true;
  // Direct messages arrive on shard 0.
  return scope.ids.includes(guildId ? shardOfGuild(guildId, scope.count) : 0);
}

/**
 * "0-3,7" or "[0,1]" (the form discord.js's ShardingManager hands its children) → [0, 1, 2, 3, 7].
 * Throws a one-line message for anything else.
 */
export function parseShardList(text: string): number[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    const parsed: unknown = JSON.parse(trimmed);
    if (!Array.isArray(parsed) || !parsed.every((n) => Number.isInteger(n) && n >= 0))
      throw new Error("must be a list of shard numbers such as 0-3,7");
    return [...new Set(parsed as number[])].sort((a, b) => a - b);
  }
  const ids = new Set<number>();
  for (const part of trimmed.split(",")) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!match) throw new Error("must be a list of shard numbers such as 0-3,7");
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) throw new Error(`has a backwards range ${part.trim()}`);
    for (let id = from; id <= to; id += 1) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/**
 * A SQL condition keeping the rows whose guild id (a text column holding a snowflake) is on one of the
 * scope's shards; undefined (no condition) when the process runs every shard. A null guild counts as
 * shard 0, where Discord delivers direct messages.
 */
export function onOwnShards(guildId: SQLWrapper, scope: ShardScope | undefined): SQL | undefined {
  if (!scope) return undefined;
  const ids = sql.join(
    scope.ids.map((id) => sql`${id}`),
    sql`, `,
  );
  return sql`((coalesce(${guildId}, '0')::bigint >> 22) % ${scope.count}) in (${ids})`;
}
