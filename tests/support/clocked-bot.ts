import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { captureOutput, childEnv } from "./child-bot.js";

/** A bot in its own process, on a clock the test sets; each tick runs the scheduler's jobs once. */
export interface ClockedBot {
  readonly shards: number[];
  readonly shardCount: number;
  /** Sets the bot's clock and runs one scheduler tick; resolves when the tick is done. */
  tick(at: Date | string): Promise<void>;
  /** SIGKILL: nothing of the bot's shutdown runs. */
  kill(): Promise<void>;
  /** The bot's own clean shutdown. */
  stop(): Promise<void>;
  output(): string;
}

export async function startClockedBot(env: Record<string, string>): Promise<ClockedBot> {
  const child: ChildProcess = fork("tests/support/clocked-bot-child.ts", [], {
    execArgv: ["--import", "tsx"],
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const captured = captureOutput(child);
  const exited = once(child, "exit");
  const waiting = new Map<number, () => void>();
  let nextId = 0;
  const ready = new Promise<{ shards: number[]; shardCount: number }>((resolve, reject) => {
    child.on("message", (message: { type: string; id?: number; shards?: number[]; shardCount?: number }) => {
      if (message.type === "ready")
        resolve({ shards: message.shards ?? [], shardCount: message.shardCount ?? 0 });
      if (message.type === "done" && message.id !== undefined) waiting.get(message.id)?.();
    });
    void exited.then(() => reject(new Error(`the bot exited:\n${captured.text}`)));
  });
  const { shards, shardCount } = await ready;
  const send = (command: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, () => {
        waiting.delete(id);
        resolve();
      });
      void exited.then(() => reject(new Error(`the bot exited:\n${captured.text}`)));
      child.send({ ...command, id });
    });
  return {
    shards,
    shardCount,
    tick: (at) => send({ type: "tick", at: new Date(at).toISOString() }),
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      await send({ type: "stop" }).catch(() => {});
      await exited;
    },
    output: () => captured.text,
  };
}
