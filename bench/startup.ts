// Start-up: the built bot as `npm start` runs it (bench/bot-process.ts), against the local Discord
// server; times from the process start and from Discord's READY ("connected to Discord") to "bot ready",
// on an empty data folder and again with the same folder (an unchanged bank), or on Postgres.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DiscordServer } from "../src/discord-server/index.js";
import { botCommand, buildBot, startLogged } from "./bot-process.js";

const token = "bench-token";

export interface StartupFigure {
  label: string;
  /** Seconds from spawning the process to "bot ready". */
  toReady: number;
  /** Seconds from Discord's READY (the "connected to Discord" log line) to "bot ready". */
  afterDiscordReady: number;
}

async function startOnce(
  server: DiscordServer,
  env: Record<string, string>,
  label: string,
): Promise<StartupFigure> {
  const started = performance.now();
  const bot = await startLogged(
    botCommand,
    {
      DISCORD_TOKEN: token,
      DISCORD_API_URL: server.apiUrl,
      LOG_LEVEL: "info",
      ...env,
    },
    "bot ready",
  );
  const ready = bot.firstSeen.get("bot ready") ?? 0;
  await bot.stop();
  return {
    label,
    toReady: (ready - started) / 1000,
    afterDiscordReady: (ready - (bot.firstSeen.get("connected to Discord") ?? ready)) / 1000,
  };
}

export async function startupFigures(postgresUrl: string | undefined): Promise<StartupFigure[]> {
  buildBot();
  const server = await DiscordServer.start({ token });
  server.createGuild({ name: "one" }).createTextChannel({ name: "daily" });
  const dataDir = await mkdtemp(join(tmpdir(), "certbot-startup-"));
  try {
    const figures = [
      await startOnce(server, { DATA_DIR: dataDir }, "embedded, empty data folder"),
      await startOnce(server, { DATA_DIR: dataDir }, "embedded, unchanged bank"),
    ];
    if (postgresUrl) {
      figures.push(await startOnce(server, { DATABASE_URL: postgresUrl }, "Postgres, first start"));
      figures.push(await startOnce(server, { DATABASE_URL: postgresUrl }, "Postgres, unchanged bank"));
    }
    return figures;
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
