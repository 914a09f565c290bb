import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { DiscordServer } from "../../src/discord-server/index.js";

export interface ChildBot {
  process: ChildProcess;
  /** Everything the bot wrote to stderr (its logs), for a failing test's message. */
  output(): string;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM (or `signal`, to its group if it has one): the bot's own shutdown runs; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Every child a test started; the test worker takes them with it when it exits, however it ends. */
const children = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of children) killOwned(child, "SIGKILL");
});

/** A child started in its own process group is signalled as a group, as a terminal's Ctrl+C does. */
function killOwned(child: ChildProcess, signal: NodeJS.Signals): void {
  if (groups.has(child) && child.pid !== undefined) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  } else child.kill(signal);
}
const groups = new WeakSet<ChildProcess>();

/**
 * The environment a test's child process gets: PATH and what the test passes, never the developer's
 * `.env` (ENV_FILE=none) nor a token from the shell that runs the tests.
 */
export function childEnv(env: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? "", ENV_FILE: "none", ...env };
}

export interface SpawnOptions {
  cwd?: string;
  /** Its own process group, so signals reach it and everything it starts, as from a terminal. */
  group?: boolean;
}

/** Starts a process a test owns: it is killed when the test run ends if the test did not stop it. */
export function spawnOwned(
  command: string,
  args: string[],
  env: Record<string, string>,
  { cwd, group = false }: SpawnOptions = {},
): ChildProcess {
  const child = spawn(command, args, {
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
    ...(cwd ? { cwd } : {}),
    detached: group,
  });
  if (group) groups.add(child);
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/**
 * The bot as an operator runs it, in its own process (`node --import tsx src/main.ts` by default, or
 * `command` such as `npm start`), connected to the local Discord server. Resolves once it is ready.
 */
export async function startChildBot(
  server: DiscordServer,
  env: Record<string, string>,
  command: [string, ...string[]] = [process.execPath, "--import", "tsx", "src/main.ts"],
  options: SpawnOptions = {},
): Promise<ChildBot> {
  const sessionsBefore = server.stats.identifies;
  const [file, ...args] = command;
  const child = spawnOwned(file, args, { LOG_LEVEL: "info", ...env }, options);
  const captured = captureOutput(child);
  const output = () => captured.text;
  const exited = once(child, "exit");
  const deadline = Date.now() + 150_000;
  while (!output().includes('"msg":"bot ready"')) {
    if (child.exitCode !== null) throw new Error(`the bot exited during start-up:\n${output()}`);
    if (Date.now() > deadline) {
      // A bot left starting would log in later and confuse the tests after this one.
      killOwned(child, "SIGKILL");
      throw new Error(`the bot did not become ready:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (server.stats.identifies <= sessionsBefore) throw new Error("the bot did not identify");
  return {
    process: child,
    output,
    async kill() {
      killOwned(child, "SIGKILL");
      await exited;
    },
    async stop(signal = "SIGTERM") {
      killOwned(child, signal);
      const [code] = await exited;
      return code as number | null;
    },
  };
}

/** Collects what a child process writes to stdout and stderr. */
export function captureOutput(child: ChildProcess): { text: string } {
  const captured = { text: "" };
  child.stdout?.on("data", (chunk) => {
    captured.text += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    captured.text += chunk;
  });
  return captured;
}
