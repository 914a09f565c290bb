import { loadDatabaseConfig } from "../config.js";
import { createLogger } from "../log.js";
import { openDatabase } from "./client.js";
import { DataDirLockedError } from "./data-dir-lock.js";
import { applyMigrations } from "./migrate.js";

/** `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
const config = loadDatabaseConfig();
const log = createLogger(config.LOG_LEVEL);
try {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await applyMigrations(database);
  } finally {
    await database.close();
  }
  log.info({ database: database.kind }, "migrations applied");
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
