// The embedded database's floor: a bare process that opens the PGlite folder the bot uses and answers
// one query, nothing else. node bench/bare/pglite.mjs <folder>
import { PGlite } from "@electric-sql/pglite";

const db = await PGlite.create(process.argv[2]);
await db.query("select 1");
process.stdout.write(`${JSON.stringify({ msg: "ready" })}\n`);
process.on("SIGTERM", () => void db.close().then(() => process.exit(0)));
setInterval(() => {}, 60_000);
