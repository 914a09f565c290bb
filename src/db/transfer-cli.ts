import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { loadDatabaseConfig } from "../config.js";
import { openDatabase } from "./client.js";
import { DataDirLockedError } from "./data-dir-lock.js";
import { applyMigrations } from "./migrate.js";
import { exportDatabase, ImportError, importDatabase } from "./transfer.js";

/**
 * `npm run db:export -- FILE` writes every row of the configured database (DATABASE_URL, or the embedded
 * one in DATA_DIR) to FILE as NDJSON; `npm run db:import -- FILE` loads FILE into an empty database.
 * Stop the bot first: the embedded database admits one process.
 */
const [command, file] = process.argv.slice(2);
if ((command !== "export" && command !== "import") || !file) {
  process.stderr.write("Usage: npm run db:export -- FILE   or   npm run db:import -- FILE\n");
  process.exit(2);
}

const config = loadDatabaseConfig();
try {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await applyMigrations(database);
    const where =
      database.kind === "postgres"
        ? "Postgres (DATABASE_URL)"
        : `the embedded database in ${config.DATA_DIR}`;
    if (command === "export") {
      const out = createWriteStream(file, { flags: "wx" });
      const rows = await exportDatabase(database.db, async (line) => {
        if (!out.write(`${line}\n`)) await once(out, "drain");
      });
      out.end();
      await once(out, "finish");
      process.stderr.write(`Exported ${rows} rows from ${where} to ${file}.\n`);
    } else {
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
      const counts = await importDatabase(database.db, lines);
      const rows = [...counts.values()].reduce((sum, count) => sum + count, 0);
      process.stderr.write(`Imported ${rows} rows into ${where} from ${file}.\n`);
    }
  } finally {
    await database.close();
  }
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (error instanceof DataDirLockedError || error instanceof ImportError) {
    process.stderr.write(`${error.message}\n`);
  } else if (code === "EEXIST") {
    process.stderr.write(`${file} already exists: choose another file name.\n`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
