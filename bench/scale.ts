// `npm run bench -- --row wave --channels 200`: one scale row at a chosen size, without the full run.
import { freshDatabase } from "./databases.js";
import { startupFigures } from "./startup.js";
import { postingWave } from "./wave.js";

const option = (name: string) =>
  process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined;

const row = option("row") ?? "wave";
const engine = option("db") === "pglite" ? "pglite" : "postgres";
if (row === "wave") {
  const database = await freshDatabase(engine);
  try {
    for (const figure of await postingWave(database, Number(option("channels") ?? 1000)))
      process.stdout.write(
        `${figure.phase} wave, ${figure.channels} channels: ${figure.seconds.toFixed(1)} s, ${figure.requests} requests, ${figure.rateLimited} × 429 (at most ${figure.most429sInABucket} in a bucket), bound ${figure.boundSeconds.toFixed(1)} s, ratio ${(figure.seconds / figure.boundSeconds).toFixed(2)} ${figure.repeated.join("; ")}\n`,
      );
  } finally {
    await database.close();
  }
}
if (row === "startup") {
  const database = await freshDatabase("postgres");
  try {
    await database.database.close();
    for (const figure of await startupFigures(database.url))
      process.stdout.write(
        `start-up, ${figure.label}: ${figure.toReady.toFixed(2)} s to ready, ${figure.afterDiscordReady.toFixed(2)} s after Discord's READY\n`,
      );
  } finally {
    await database.close().catch(() => {});
  }
}
