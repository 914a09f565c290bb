import { type Column, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client.js";

/**
 * Runs a raw query and returns its rows. postgres.js answers with an array, PGlite with `{ rows }`;
 * the stats queries need window functions and CTEs, so they are written as SQL and read through here.
 */
export async function queryRows<Row>(db: Pick<Db, "execute">, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}

/** Counts and sums arrive as strings or bigints depending on the driver. */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** `excluded."column"` in an insert's `on conflict do update`: the value the conflicting row would have had. */
export function excluded(column: Column): SQL {
  return sql`excluded.${sql.identifier(column.name)}`;
}

/**
 * `column in (…)` with the values as one JSON parameter: the statement's text is the same however many
 * values there are (a hot path builds no query per value). Integer columns compare with integers.
 */
export function inJsonList(column: Column, values: readonly (string | number)[]): SQL {
  const value = column.dataType === "number" ? sql`value::int` : sql`value`;
  return sql`${column} in (select ${value} from json_array_elements_text(${JSON.stringify(values)}::json))`;
}
