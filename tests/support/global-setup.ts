import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.js";
import { applyMigrations } from "../../src/db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A dump of a freshly migrated embedded database: loading it is much faster than creating one. */
    pgliteTemplate: string;
  }
}

/** Runs once per `npm test`: builds the migrated PGlite template every test file starts from. */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    // Each test file makes its own database on the Postgres server instead.
    project.provide("pgliteTemplate", "");
    return;
  }
  const file = join(tmpdir(), `certbot-pglite-template-${process.pid}.tar`);
  const database = await openDatabase({ dataDir: "memory://" });
  await applyMigrations(database);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  await writeFile(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", file);
  return async () => {
    await rm(file, { force: true });
  };
}
