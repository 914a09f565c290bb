import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordServer } from "../../src/discord-server/index.js";
import { testToken } from "../support/bot.js";
import { spawnOwned } from "../support/child-bot.js";

/** Runs one of the project's scripts as npm does and returns its exit code and everything on stderr. */
async function runScript(script: string, env: Record<string, string>) {
  const child = spawnOwned(process.execPath, ["--import", "tsx", script], { LOG_LEVEL: "silent", ...env });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, "exit");
  return { code: code as number, lines: stderr.trim().split("\n") };
}

describe("errors from the scripts name the cause in one line", () => {
  let server: DiscordServer;
  let folder: string;
  let notAFolder: string;

  beforeAll(async () => {
    server = await DiscordServer.start({ token: testToken });
    folder = await mkdtemp(join(tmpdir(), "certbot-errors-"));
    notAFolder = join(folder, "a-file");
    await writeFile(notAFolder, "");
  });
  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("npm start blames DATA_DIR, not Postgres, for an embedded database it cannot open", async () => {
    const { code, lines } = await runScript("src/main.ts", {
      DISCORD_TOKEN: testToken,
      DISCORD_API_URL: server.apiUrl,
      DATA_DIR: notAFolder,
    });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Cannot open the embedded database in DATA_DIR=${notAFolder} \\(`));
    expect(lines[0]).not.toContain("Postgres");
  }, 60_000);

  it("db:migrate says the same in one line, without a stack trace", async () => {
    const { code, lines } = await runScript("src/db/migrate-cli.ts", { DATA_DIR: notAFolder });
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Cannot open the embedded database in DATA_DIR=${notAFolder} \\(`));
  }, 60_000);

  it("deploy:commands names DISCORD_TOKEN when Discord refuses it, in one line", async () => {
    const { code, lines } = await runScript("src/discord/deploy-cli.ts", {
      DISCORD_TOKEN: "wrong-token",
      DISCORD_API_URL: server.apiUrl,
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      "Discord refused DISCORD_TOKEN: copy the bot token again from the Developer Portal (Bot → Reset Token).",
    ]);
  }, 60_000);

  it("npm start names QUESTIONS_DIR when the question bank is missing", async () => {
    const { code, lines } = await runScript("src/main.ts", {
      DISCORD_TOKEN: testToken,
      DISCORD_API_URL: server.apiUrl,
      DATA_DIR: folder,
      QUESTIONS_DIR: join(folder, "no-bank"),
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      `Configuration error: QUESTIONS_DIR is '${join(folder, "no-bank")}', which is not a folder: set it to the question bank folder (default ./questions)`,
    ]);
  }, 60_000);
});
