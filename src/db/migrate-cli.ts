import { loadDatabaseConfig } from "../config.js";
import { databaseFailure, runTool } from "../failures.js";
import { createLogger } from "../log.js";
import { openDatabase } from "./client.js";
import { applyMigrations } from "./migrate.js";

/** `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
let target: { DATABASE_URL?: string | undefined; DATA_DIR: string } = { DATA_DIR: "./data" };
await runTool(
  async () => {
    const config = loadDatabaseConfig();
    target = config;
    const log = createLogger(config.LOG_LEVEL);
    const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
    try {
      await applyMigrations(database);
    } finally {
      await database.close();
    }
    log.info({ database: database.kind }, "migrations applied");
  },
  (error) => databaseFailure(error, target),
);
