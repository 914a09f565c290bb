import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordServer } from "../../src/discord-server/index.js";
import { testToken } from "../support/bot.js";
import { startChildBot } from "../support/child-bot.js";

const run = promisify(execFile);

/** Runs the bot as `npm start` does and returns its exit code and last line. */
async function start(env: Record<string, string>) {
  try {
    await run(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 60_000,
    });
    return { code: 0, lastLine: "" };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, lastLine: stderr.trim().split("\n").at(-1) ?? "" };
  }
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
    const again = await startChildBot(server, env);
    expect(again.output()).toMatch(/"added":0,"revised":0,"deactivated":0,"unchanged":\d+/);
    expect(await again.stop()).toBe(0);
  });

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
  });
});
