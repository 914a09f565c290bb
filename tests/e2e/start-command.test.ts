import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordServer } from "../../src/discord-server/index.js";
import { testToken } from "../support/bot.js";
import { type ChildBot, spawnOwned, startChildBot } from "../support/child-bot.js";

const repo = resolve(".");
const mainScript = [
  "--import",
  pathToFileURL(join(repo, "node_modules/tsx/dist/loader.mjs")).href,
  join(repo, "src/main.ts"),
];

/** Runs the bot as `npm start` does (from `cwd`) and returns its exit code and last line. */
async function start(env: Record<string, string>, cwd = repo) {
  const child = spawnOwned(process.execPath, mainScript, env, { cwd });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, "exit");
  return { code: code as number, lastLine: stderr.trim().split("\n").at(-1) ?? "" };
}

async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(50);
}

describe("npm start", () => {
  let server: DiscordServer;
  let dataDir: string;

  beforeAll(async () => {
    server = await DiscordServer.start({ token: testToken });
    server.createGuild({ name: "start-test" });
    dataDir = await mkdtemp(join(tmpdir(), "certbot-start-"));
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("exits non-zero with one clear line when DISCORD_TOKEN is missing, offering the playground", async () => {
    const { code, lastLine } = await start({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(lastLine).toMatch(/^Configuration error: DISCORD_TOKEN is not set: put your bot token/);
    // It offers the playground and starts nothing: the process has already exited.
    expect(lastLine).toContain("npm run playground");
  });

  it("does not offer the playground in production", async () => {
    const { code, lastLine } = await start({ DATA_DIR: dataDir, NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(lastLine).toMatch(/^Configuration error: DISCORD_TOKEN is not set/);
    expect(lastLine).not.toContain("playground");
  });

  it("logs in, registers its commands on an empty DATA_DIR, and stops cleanly on SIGTERM", async () => {
    const env = { DATA_DIR: dataDir, DISCORD_TOKEN: testToken, DISCORD_API_URL: server.apiUrl };
    const bot = await startChildBot(server, env);
    expect(server.commands().map((command) => command.name)).toContain("quiz");
    expect(bot.output()).toContain('"msg":"question bank synced"');
    expect(await bot.stop()).toBe(0);
    // A second start on the same folder finds the database and its questions already there.
    // An unchanged bank is not loaded or synced again (one read compares its fingerprint).
    const again = await startChildBot(server, env);
    const secondOutput = again.output();
    expect(await again.stop()).toBe(0);
    expect(secondOutput).toMatch(/"unchanged":true/);
  }, 300_000);

  it("never reads a .env in the folder a test runs it from: no login with its token", async () => {
    const folder = await mkdtemp(join(tmpdir(), "certbot-dotenv-"));
    try {
      await writeFile(
        join(folder, ".env"),
        `DISCORD_TOKEN=${testToken}\nDISCORD_API_URL=${server.apiUrl}\nDATA_DIR=${dataDir}\n`,
      );
      const identifies = server.stats.identifies;
      const { code, lastLine } = await start({}, folder);
      expect(code).toBe(1);
      expect(lastLine).toMatch(/^Configuration error: DISCORD_TOKEN is not set/);
      expect(server.stats.identifies).toBe(identifies);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  const npmStart = ["npm", "start", "--silent"] as [string, ...string[]];
  const npmEnv = () => ({
    DATA_DIR: dataDir,
    DISCORD_TOKEN: testToken,
    DISCORD_API_URL: server.apiUrl,
    HOME: dataDir,
  });
  const stopped = async (bot: ChildBot) => {
    await eventually(() => bot.output().includes('"msg":"stopped"'));
    await eventually(() => server.stats.connectedSessions === 0);
  };

  it("stops the bot cleanly when a supervisor sends SIGTERM to the `npm start` process alone", async () => {
    const bot = await startChildBot(server, npmEnv(), npmStart);
    await bot.stop("SIGTERM");
    // npm exits at once and its shell with it; the bot under them must follow, closing its session.
    await stopped(bot);
  }, 300_000);

  it("stops the bot cleanly on Ctrl+C (SIGINT to the `npm start` process group)", async () => {
    const bot = await startChildBot(server, npmEnv(), npmStart, { group: true });
    await bot.stop("SIGINT");
    await stopped(bot);
  }, 300_000);

  // Runs after the first start, so the database in DATA_DIR already exists and start-up is quicker.
  it("exits non-zero and says so when Discord refuses the token", async () => {
    const { code, lastLine } = await start({
      DATA_DIR: dataDir,
      DISCORD_TOKEN: "wrong-token",
      DISCORD_API_URL: server.apiUrl,
      LOG_LEVEL: "silent",
    });
    expect(code).toBe(1);
    expect(lastLine).toBe(
      "Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token).",
    );
  }, 60_000);
});
