import { loadDatabaseConfig } from "../config.js";
import { createLogger } from "../log.js";
import { openDatabase } from "./client.js";
import { applyMigrations } from "./migrate.js";

/** `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
const config = loadDatabaseConfig();
const log = createLogger(config.LOG_LEVEL);
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
await applyMigrations(database);
await database.close();
log.info({ database: database.kind }, "migrations applied");
