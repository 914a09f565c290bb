// Start-up: the built bot as `npm start` runs it (bench/bot-process.ts), against the local Discord
// server; times from the process start and from Discord's READY ("connected to Discord") to "bot ready",
// on an empty data folder and again with the same folder (an unchanged bank), or on Postgres.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { DiscordServer } from "../src/discord-server/index.js";
import { botCommand, buildBot } from "./bot-process.js";

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
  const child = spawn(process.execPath, botCommand, {
    env: {
      PATH: process.env.PATH ?? "",
      DISCORD_TOKEN: token,
      DISCORD_API_URL: server.apiUrl,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const times = new Map<string, number>();
  let buffered = "";
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString();
    for (const line of buffered.split("\n").slice(0, -1)) {
      const message = /"msg":"([^"]+)"/.exec(line)?.[1];
      if (message && !times.has(message)) times.set(message, performance.now());
    }
    buffered = buffered.slice(buffered.lastIndexOf("\n") + 1);
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  while (!times.has("bot ready")) {
    if (child.exitCode !== null) throw new Error(`the bot exited during start-up (${label})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const ready = times.get("bot ready") ?? 0;
  const figure = {
    label,
    toReady: (ready - started) / 1000,
    afterDiscordReady: (ready - (times.get("connected to Discord") ?? ready)) / 1000,
  };
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  return figure;
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
