import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client.js";
import { queryRows, toNumber } from "./rows.js";
import * as schema from "./schema.js";

/**
 * Moving every row between databases (the embedded one and Postgres, either way) as NDJSON: a header
 * line, then one `{"table","row"}` line per row, parents before children. Rows are read as Postgres
 * renders them to JSON and written back through `json_populate_recordset`, so every column type survives
 * on both drivers without per-column code.
 */
const exportFormat = "certbot-export";
const exportVersion = 1;
const pageSize = 1_000;

export interface ExportHeader {
  format: typeof exportFormat;
  version: number;
  /** Migrations applied to the source: the target must have exactly these. */
  migrations: number;
  tables: string[];
  exportedAt: string;
}

/** Every table of the schema, each after the tables its foreign keys point to. */
export function tablesInDependencyOrder(): string[] {
  const tables = Object.values(schema).filter((value) => is(value, PgTable)) as PgTable[];
  const parents = new Map(
    tables.map((table) => {
      const config = getTableConfig(table);
      const refs = config.foreignKeys.map((key) => getTableConfig(key.reference().foreignTable).name);
      return [config.name, refs.filter((name) => name !== config.name)] as const;
    }),
  );
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    for (const parent of parents.get(name) ?? []) visit(parent);
    ordered.push(name);
  };
  for (const name of [...parents.keys()].sort()) visit(name);
  return ordered;
}

async function appliedMigrations(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    db,
    sql`select count(*) as n from drizzle.__drizzle_migrations`,
  );
  return toNumber(row?.n);
}

/** Writes the header and every row, one line at a time, from one consistent snapshot. */
export async function exportDatabase(db: Db, writeLine: (line: string) => Promise<void>): Promise<number> {
  const tables = tablesInDependencyOrder();
  let rows = 0;
  await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    const header: ExportHeader = {
      format: exportFormat,
      version: exportVersion,
      migrations: await appliedMigrations(tx as unknown as Db),
      tables,
      exportedAt: new Date().toISOString(),
    };
    await writeLine(JSON.stringify(header));
    for (const table of tables) {
      // A cursor pages through big tables (a million answers) without holding them all in memory.
      await tx.execute(
        sql.raw(
          `declare export_rows no scroll cursor for select row_to_json(t)::text as row from "${table}" t`,
        ),
      );
      for (;;) {
        const page = await queryRows<{ row: string }>(
          tx as unknown as Db,
          sql.raw(`fetch ${pageSize} from export_rows`),
        );
        for (const { row } of page) await writeLine(`{"table":${JSON.stringify(table)},"row":${row}}`);
        rows += page.length;
        if (page.length < pageSize) break;
      }
      await tx.execute(sql`close export_rows`);
    }
  });
  return rows;
}

export class ImportError extends Error {
  override name = "ImportError";
}

/**
 * Loads an export into a migrated, empty database in one transaction (all or nothing), then moves every
 * serial sequence past the largest id imported, so new rows get fresh ids.
 */
export async function importDatabase(db: Db, lines: AsyncIterable<string>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.transaction(async (tx) => {
    const target = tx as unknown as Db;
    let header: ExportHeader | undefined;
    let batch: { table: string; rows: unknown[] } | undefined;
    const flush = async () => {
      if (!batch || batch.rows.length === 0) return;
      const table = sql.identifier(batch.table);
      await tx.execute(
        sql`insert into ${table} select * from json_populate_recordset(null::${table}, ${JSON.stringify(batch.rows)}::json)`,
      );
      counts.set(batch.table, (counts.get(batch.table) ?? 0) + batch.rows.length);
      batch.rows = [];
    };
    for await (const line of lines) {
      if (line.trim() === "") continue;
      if (!header) {
        header = await checkHeader(target, line);
        continue;
      }
      const { table, row } = JSON.parse(line) as { table: string; row: unknown };
      if (!header.tables.includes(table))
        throw new ImportError(`the export has rows for an unknown table ${table}`);
      if (batch?.table !== table) {
        await flush();
        batch = { table, rows: [] };
      }
      batch.rows.push(row);
      if (batch.rows.length >= pageSize) await flush();
    }
    await flush();
    if (!header) throw new ImportError("the file is empty: no export header");
    await resetSequences(target);
  });
  return counts;
}

async function checkHeader(db: Db, line: string): Promise<ExportHeader> {
  const header = JSON.parse(line) as Partial<ExportHeader>;
  if (header.format !== exportFormat || header.version !== exportVersion)
    throw new ImportError(`not a ${exportFormat} file of version ${exportVersion}`);
  const migrations = await appliedMigrations(db);
  if (header.migrations !== migrations)
    throw new ImportError(
      `the export was taken with ${header.migrations} migrations applied and this database has ${migrations}: run the same version of the bot on both sides`,
    );
  for (const table of tablesInDependencyOrder()) {
    const [row] = await queryRows<{ present: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.identifier(table)}) as present`,
    );
    if (row?.present) throw new ImportError(`the target database is not empty (table ${table} has rows)`);
  }
  return header as ExportHeader;
}

async function resetSequences(db: Db) {
  const serials = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`,
  );
  for (const { table_name: table, column_name: column } of serials) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    await db.execute(
      sql`select setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), coalesce((select max(${c}) from ${t}), 0) + 1, false)`,
    );
  }
}
