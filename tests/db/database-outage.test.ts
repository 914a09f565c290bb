import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, postgresLimits } from "../../src/db/client.js";
import { isDatabaseUnavailable } from "../../src/db/unavailable.js";
import { openTestDatabase } from "../support/db.js";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";

/** Runs `select 1`; resolves with the error it failed with (or undefined) and how long it took. */
async function selectOne(database: Database) {
  const started = performance.now();
  const error = await database.db.execute(sql`select 1`).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  return { error, ms: Math.round(performance.now() - started) };
}

/** The first query after a cut may meet the reset of the pool's open connection (ECONNRESET) instead. */
async function failureAfterCut(database: Database, code: string) {
  let failure = await selectOne(database);
  expect(isDatabaseUnavailable(failure.error)).toBe(true);
  if (!codesOf(failure.error).includes(code)) failure = await selectOne(database);
  expect(codesOf(failure.error)).toContain(code);
  expect(isDatabaseUnavailable(failure.error)).toBe(true);
  return failure;
}

function codesOf(error: unknown): unknown[] {
  const codes: unknown[] = [];
  for (let current = error; current instanceof Error; current = current.cause)
    codes.push((current as { code?: unknown }).code);
  return codes;
}

describe("a query during a database outage", () => {
  const serverUrl = process.env.DATABASE_URL;
  let target: (Database & { url?: string }) | undefined;
  let proxy: TcpProxy;
  let throughProxy: Database;

  beforeAll(async () => {
    if (!serverUrl) {
      console.info("database outage tests skipped: the embedded database has no network; set DATABASE_URL");
      return;
    }
    target = await openTestDatabase();
    const url = new URL(target.url as string);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    url.host = `127.0.0.1:${proxy.port}`;
    throughProxy = await openDatabase({ url: url.toString(), dataDir: "unused" });
  });
  afterAll(async () => {
    await throughProxy?.close();
    await proxy?.close();
    await target?.close();
  });

  it("fails with a connect timeout, classified as unavailable, while the network is silent; works once restored", async (ctx) => {
    if (!serverUrl) ctx.skip("needs DATABASE_URL: the embedded database has no network to cut");
    expect((await selectOne(throughProxy)).error).toBeUndefined();
    await proxy.cut("silent");
    const cut = await failureAfterCut(throughProxy, "CONNECT_TIMEOUT");
    console.info(
      `silent network: select 1 failed after ${cut.ms} ms (connect timeout ${postgresLimits.connectTimeoutSeconds} s)`,
    );
    await proxy.restore();
    expect((await selectOne(throughProxy)).error).toBeUndefined();
  });

  it("fails at once with a refused connection, classified as unavailable, while the server is down; works once restored", async (ctx) => {
    if (!serverUrl) ctx.skip("needs DATABASE_URL: the embedded database has no network to cut");
    await proxy.cut("refuse");
    const cut = await failureAfterCut(throughProxy, "ECONNREFUSED");
    console.info(`server down: select 1 failed after ${cut.ms} ms`);
    await proxy.restore();
    expect((await selectOne(throughProxy)).error).toBeUndefined();
  });

  it("fails a query in flight when the connection is cut, classified as unavailable", async (ctx) => {
    if (!serverUrl) ctx.skip("needs DATABASE_URL: the embedded database has no network to cut");
    const inFlight = throughProxy.db.execute(sql`select pg_sleep(5)`).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await proxy.cut("refuse");
    expect(isDatabaseUnavailable(await inFlight)).toBe(true);
    await proxy.restore();
    expect((await selectOne(throughProxy)).error).toBeUndefined();
  });
});

describe("isDatabaseUnavailable", () => {
  it("says a closed embedded or Postgres database is unavailable, and a wrong query is not", async () => {
    const database = await openTestDatabase();
    const wrong = await database.db
      .execute(sql`select * from no_such_table`)
      .catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(wrong)).toBe(false);
    await database.close();
    const closed = await database.db.execute(sql`select 1`).catch((error: unknown) => error);
    expect(closed).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(closed)).toBe(true);
  });

  it("says a statement cancelled by the server's statement timeout is not an outage", async (ctx) => {
    if (!process.env.DATABASE_URL)
      ctx.skip("needs DATABASE_URL: the embedded database has no statement timeout");
    const database = await openTestDatabase();
    try {
      const slow = await database.db
        .transaction(async (tx) => {
          await tx.execute(sql`set local statement_timeout = 50`);
          await tx.execute(sql`select pg_sleep(1)`);
        })
        .catch((error: unknown) => error);
      expect(codesOf(slow)).toContain("57014");
      expect(isDatabaseUnavailable(slow)).toBe(false);
    } finally {
      await database.close();
    }
  });
});
