import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { DiscordServer } from "../../src/discord-server/index.js";

export interface ChildBot {
  process: ChildProcess;
  /** Everything the bot wrote to stderr (its logs), for a failing test's message. */
  output(): string;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM: the bot's own shutdown runs; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The bot as an operator runs it, in its own process (`node --import tsx src/main.ts`, as `npm start` does),
 * connected to the local Discord server. Resolves once the bot has connected and is ready.
 */
export async function startChildBot(server: DiscordServer, env: Record<string, string>): Promise<ChildBot> {
  const sessionsBefore = server.stats.identifies;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = once(child, "exit");
  const deadline = Date.now() + 60_000;
  while (!output.includes('"msg":"bot ready"')) {
    if (child.exitCode !== null) throw new Error(`the bot exited during start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the bot did not become ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (server.stats.identifies <= sessionsBefore) throw new Error("the bot did not identify");
  return {
    process: child,
    output: () => output,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      child.kill("SIGTERM");
      const [code] = await exited;
      return code as number | null;
    },
  };
}
