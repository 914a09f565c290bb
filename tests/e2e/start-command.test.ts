import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import { test as base, describe, expect } from "vitest";
import { startBot } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
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

async function temporaryFolder(prefix: string, onCleanup: (cleanup: () => Promise<void>) => void) {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  onCleanup(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

const test = base
  /** A Discord server of the test's own, so what it counts is what this test's starts did. */
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture needs from this pattern
  .extend("server", async ({}, { onCleanup }) => {
    const server = await DiscordServer.start({ token: testToken });
    server.createGuild({ name: "start-test" });
    onCleanup(() => server.close());
    return server;
  })
  /** A DATA_DIR of the test's own with nothing in it yet. */
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture needs from this pattern
  .extend("emptyDataDir", async ({}, { onCleanup }) => temporaryFolder("certbot-start-", onCleanup))
  /**
   * A DATA_DIR the bot has started on before: its database is migrated and holds the question bank,
   * so a start there skips that work. Made once per file by starting the bot in-process on a server of
   * its own, so a test's server sees only the starts the test makes.
   */
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture needs from this pattern
  .extend("usedDataDir", { scope: "file" }, async ({}, { onCleanup }) => {
    const folder = await temporaryFolder("certbot-used-", onCleanup);
    const server = await DiscordServer.start({ token: testToken });
    try {
      const config = parseConfig({
        DISCORD_TOKEN: testToken,
        DISCORD_API_URL: server.apiUrl,
        DATA_DIR: folder,
        LOG_LEVEL: "silent",
      });
      const bot = await startBot(config, { startTimer: false, log: pino({ level: "silent" }) });
      await bot.stop();
    } finally {
      await server.close();
    }
    return folder;
  });

describe("npm start", () => {
  test("exits non-zero with one clear line when DISCORD_TOKEN is missing, offering the playground", async ({
    emptyDataDir,
  }) => {
    const { code, lastLine } = await start({ DATA_DIR: emptyDataDir });
    expect(code).toBe(1);
    expect(lastLine).toMatch(/^Configuration error: DISCORD_TOKEN is not set: put your bot token/);
    // It offers the playground and starts nothing: the process has already exited.
    expect(lastLine).toContain("npm run playground");
  });

  test("does not offer the playground in production", async ({ emptyDataDir }) => {
    const { code, lastLine } = await start({ DATA_DIR: emptyDataDir, NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(lastLine).toMatch(/^Configuration error: DISCORD_TOKEN is not set/);
    expect(lastLine).not.toContain("playground");
  });

  test("logs in, registers its commands on an empty DATA_DIR, and stops cleanly on SIGTERM", async ({
    server,
    emptyDataDir,
  }) => {
    const env = { DATA_DIR: emptyDataDir, DISCORD_TOKEN: testToken, DISCORD_API_URL: server.apiUrl };
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

  test("never reads a .env in the folder a test runs it from: no login with its token", async ({
    server,
    emptyDataDir,
  }) => {
    const folder = await mkdtemp(join(tmpdir(), "certbot-dotenv-"));
    try {
      await writeFile(
        join(folder, ".env"),
        `DISCORD_TOKEN=${testToken}\nDISCORD_API_URL=${server.apiUrl}\nDATA_DIR=${emptyDataDir}\n`,
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
  const npmEnv = (server: DiscordServer, dataDir: string) => ({
    DATA_DIR: dataDir,
    DISCORD_TOKEN: testToken,
    DISCORD_API_URL: server.apiUrl,
    HOME: dataDir,
  });
  const stopped = async (server: DiscordServer, bot: ChildBot) => {
    await eventually(() => bot.output().includes('"msg":"stopped"'));
    await eventually(() => server.stats.connectedSessions === 0);
  };

  test("stops the bot cleanly when a supervisor sends SIGTERM to the `npm start` process alone", async ({
    server,
    usedDataDir,
  }) => {
    const bot = await startChildBot(server, npmEnv(server, usedDataDir), npmStart);
    await bot.stop("SIGTERM");
    // npm exits at once and its shell with it; the bot under them must follow, closing its session.
    await stopped(server, bot);
  }, 300_000);

  test("stops the bot cleanly on Ctrl+C (SIGINT to the `npm start` process group)", async ({
    server,
    usedDataDir,
  }) => {
    const bot = await startChildBot(server, npmEnv(server, usedDataDir), npmStart, { group: true });
    await bot.stop("SIGINT");
    await stopped(server, bot);
  }, 300_000);

  test("exits non-zero and says so when Discord refuses the token", async ({ server, usedDataDir }) => {
    const { code, lastLine } = await start({
      DATA_DIR: usedDataDir,
      DISCORD_TOKEN: "wrong-token",
      DISCORD_API_URL: server.apiUrl,
      LOG_LEVEL: "silent",
    });
    expect(code).toBe(1);
    expect(lastLine).toBe(
      "Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token).",
    );
  }, 300_000);
});
