// The bot as `npm start` runs it: built once (`npm run build`, skipped when dist/ is up to date), then
// `node --max-semi-space-size=2 dist/main.js` in its own process (package.json's start script); and the
// one way the bench starts a process and waits for its JSON log to say it is ready.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export const botCommand = ["--max-semi-space-size=2", "dist/main.js"];

let built = false;

/** Builds dist/ the first time a row asks for it in this run. */
export function buildBot(): void {
  if (built) return;
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
  built = true;
}

export interface StartedProcess {
  child: ChildProcess;
  /** When each log message (a JSON line's msg) was first seen, on performance.now()'s clock. */
  firstSeen: ReadonlyMap<string, number>;
  /** The last 20,000 characters the process wrote. */
  output(): string;
  /** SIGTERM, and the process has exited. */
  stop(): Promise<void>;
}

/**
 * Spawns `node args` with PATH, ENV_FILE=none (no .env is read) and `env` only, and resolves once it
 * logs a line whose msg is `readyMessage`; throws if it exits first or takes longer than `timeoutMs`.
 */
export async function startLogged(
  args: readonly string[],
  env: Record<string, string>,
  readyMessage: string,
  timeoutMs = 300_000,
): Promise<StartedProcess> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? "", ENV_FILE: "none", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const firstSeen = new Map<string, number>();
  let text = "";
  let partial = "";
  const onData = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-20_000);
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      const message = /"msg":"([^"]+)"/.exec(line)?.[1];
      if (message && !firstSeen.has(message)) firstSeen.set(message, performance.now());
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  const deadline = performance.now() + timeoutMs;
  while (!firstSeen.has(readyMessage)) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited before ready:\n${text}`);
    if (performance.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${args.join(" ")} was not ready within ${timeoutMs / 1000} s:\n${text}`);
    }
    await sleep(10);
  }
  return { child, firstSeen, output: () => text, stop };
}
