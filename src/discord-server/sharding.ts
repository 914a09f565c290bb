/**
 * Discord's sharding, as the gateway applies it: a session IDENTIFYs as shard [id, count] and receives
 * only the guilds with (guild_id >> 22) % count = id; direct messages and other guild-less dispatches go
 * to shard 0. /gateway/bot recommends a shard count and says how many sessions may still start.
 */

export type ShardInfo = readonly [id: number, count: number];

export const ONE_SHARD: ShardInfo = [0, 1];

export function shardOfGuild(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** The shard from an IDENTIFY payload, or an error message for a close with 4010 (Invalid shard). */
export function shardFromIdentify(d: Record<string, unknown>): ShardInfo | string {
  if (d.shard === undefined) return ONE_SHARD;
  const shard = d.shard;
  if (
    !Array.isArray(shard) ||
    shard.length !== 2 ||
    !shard.every((n) => Number.isInteger(n)) ||
    shard[1] < 1 ||
    shard[0] < 0 ||
    shard[0] >= shard[1]
  )
    return "Invalid shard.";
  return [shard[0], shard[1]];
}

export function onShard(shard: ShardInfo, guildId: string | null): boolean {
  const [id, count] = shard;
  return (guildId === null ? 0 : shardOfGuild(guildId, count)) === id;
}

/** The guild a dispatch belongs to: `guild_id`, or the guild itself for GUILD_CREATE/UPDATE/DELETE. */
export function guildOfDispatch(event: string, d: unknown): string | null {
  if (typeof d !== "object" || d === null) return null;
  const record = d as Record<string, unknown>;
  if (typeof record.guild_id === "string") return record.guild_id;
  if ((event === "GUILD_CREATE" || event === "GUILD_UPDATE" || event === "GUILD_DELETE") && record.id)
    return String(record.id);
  return null;
}

export interface SessionStartLimit {
  total: number;
  remaining: number;
  reset_after: number;
  max_concurrency: number;
}

/** What GET /gateway/bot answers. */
export function gatewayBotPayload(url: string, recommendedShards: number, identifies: number) {
  const total = 1000;
  const session_start_limit: SessionStartLimit = {
    total,
    remaining: Math.max(0, total - identifies),
    reset_after: 86_400_000,
    max_concurrency: 1,
  };
  return { url, shards: recommendedShards, session_start_limit };
}
