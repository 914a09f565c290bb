import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";
import { DiscordServer } from "../../src/discord-server/index.js";
import { testToken } from "../support/bot.js";
import { childEnv, startChildBot } from "../support/child-bot.js";

const run = promisify(execFile);

/** Runs `npm start` to its exit; returns the exit code and the last line it wrote to stderr. */
async function startToExit(env: Record<string, string>) {
  try {
    await run(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: childEnv({ LOG_LEVEL: "silent", ...env }),
      timeout: 60_000,
    });
    return { code: 0, lastLine: "" };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, lastLine: stderr.trim().split("\n").at(-1) ?? "" };
  }
}

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await once(child, "exit");
  return child.pid as number;
}

describe("the embedded database in DATA_DIR", { timeout: 180_000 }, () => {
  let server: DiscordServer;
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await DiscordServer.start({ token: testToken });
    server.createGuild({ name: "lock-test" });
    dataDir = await mkdtemp(join(tmpdir(), "certbot-lock-"));
    env = { DATA_DIR: dataDir, DISCORD_TOKEN: testToken, DISCORD_API_URL: server.apiUrl };
  });
  afterAll(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses a second bot process with one line naming the first one's pid and the folder", async () => {
    const first = await startChildBot(server, env);
    const sessions = server.stats.identifies;
    const second = await startToExit(env);
    expect(second.code).toBe(1);
    expect(second.lastLine).toBe(
      `The embedded database in ${resolve(dataDir)} is in use by another bot process (pid ${first.process.pid}): stop that process first, or set DATABASE_URL to a Postgres database to run several processes.`,
    );
    expect(server.stats.identifies).toBe(sessions);
    expect(await first.stop()).toBe(0);
    expect(existsSync(join(dataDir, "certbot.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that died, and releases it when the bot stops", async () => {
    const lockFile = join(dataDir, "certbot.lock");
    await writeFile(lockFile, `${await deadPid()}\n`);
    const bot = await startChildBot(server, env);
    expect((await readFile(lockFile, "utf8")).trim()).toBe(String(bot.process.pid));
    expect(await bot.stop()).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  });

  it("is free again after a bot is killed: the next start takes the stale lock over", async () => {
    const killed = await startChildBot(server, env);
    await killed.kill();
    expect(existsSync(join(dataDir, "certbot.lock"))).toBe(true);
    const next = await startChildBot(server, env);
    expect(await next.stop()).toBe(0);
  });

  it("refuses a second open in the same process until the first is closed", async () => {
    const folder = await mkdtemp(join(tmpdir(), "certbot-lock-same-"));
    try {
      const first = await openDatabase({ dataDir: folder });
      await expect(openDatabase({ dataDir: folder })).rejects.toThrow(`pid ${process.pid}`);
      await first.close();
      const again = await openDatabase({ dataDir: folder });
      await again.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
