// A bot process whose clock and minute ticks the test drives over IPC, so that several real processes
// (one per shard) can live through simulated days together. Started by clocked-bot.ts.
import { pino } from "pino";
import { startBot } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";

type Command = { id: number; type: "tick"; at: string } | { id: number; type: "stop" };

let now = new Date(process.env.TEST_CLOCK_START ?? "2026-11-26T00:00:00Z");
const bot = await startBot(parseConfig(process.env), {
  clock: { now: () => new Date(now) },
  startTimer: false,
  log: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
});
process.send?.({
  type: "ready",
  shards: bot.client.options.shards,
  shardCount: bot.client.options.shardCount,
});

process.on("message", (command: Command) => {
  void (async () => {
    if (command.type === "tick") {
      now = new Date(command.at);
      await bot.scheduler.tick();
    } else {
      await bot.stop();
    }
    process.send?.({ type: "done", id: command.id });
    if (command.type === "stop") process.exit(0);
  })();
});
