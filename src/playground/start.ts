import { randomBytes } from "node:crypto";
import type { FSWatcher } from "node:fs";
import { resolve } from "node:path";
import { type RunningBot, startBot } from "../app.js";
import { playgroundConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { DiscordServer } from "../discord-server/index.js";
import { createLogger, type Logger } from "../log.js";
import type { PlaygroundParts } from "./api.js";
import { PlaygroundClock } from "./clock.js";
import { type PageServer, startPageServer } from "./page-server.js";
import { type BankStatus, reloadQuestionBank, watchFolder } from "./question-bank.js";
import { createPlaygroundWorld, type PlaygroundWorld } from "./world.js";

export interface PlaygroundOptions {
  /** A question bank folder (questions/ by default). */
  questionsDir?: string;
  /** Reload the bank when a file in it changes (for authors). */
  watch?: boolean;
  /** The page's port; a taken port falls back to a free one. 0: any free port. */
  port?: number;
  log?: Logger;
}

export interface Playground {
  url: string;
  server: DiscordServer;
  bot: RunningBot;
  world: PlaygroundWorld;
  clock: PlaygroundClock;
  close(): Promise<void>;
}

/**
 * `npm run playground`: the Discord-compatible server, the real bot connected to it on a fresh embedded
 * database in memory, and a page to use them from a browser; everything on 127.0.0.1.
 */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const token = `playground-${randomBytes(16).toString("hex")}`;
  const server = await DiscordServer.start({ token, heartbeatIntervalMs: 41_250 });
  const world = createPlaygroundWorld(server);
  const folder = resolve(options.questionsDir ?? "questions");
  const config = playgroundConfig({
    DISCORD_TOKEN: token,
    DISCORD_API_URL: server.apiUrl,
    // Commands registered in the one guild appear at once, as DISCORD_DEV_GUILD_ID does on Discord.
    DISCORD_DEV_GUILD_ID: world.guild.id,
    QUESTIONS_DIR: folder,
  });
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const clock = new PlaygroundClock();
  const database = await openDatabase({ dataDir: "memory://" });
  let bot: RunningBot;
  try {
    bot = await startBot(config, { clock, database, log });
  } catch (error) {
    await database.close();
    await server.close();
    throw error;
  }
  const watching = options.watch ?? false;
  let bank: BankStatus = await reloadQuestionBank(bot, folder, watching);
  let page: PageServer | undefined;
  const parts: PlaygroundParts = {
    server,
    bot,
    world,
    clock,
    bank: () => bank,
    changed: () => page?.notify(),
  };
  page = await startPageServer(parts, options.port ?? 0);

  let watcher: FSWatcher | undefined;
  // One reload at a time, in order: the page always ends on the folder as last saved.
  let reloading: Promise<void> = Promise.resolve();
  if (watching) {
    const reloadOnce = () =>
      reloadQuestionBank(bot, folder, true)
        .then((status) => {
          bank = status;
          log.info(
            { questions: status.questions, problems: status.problems.length },
            "question bank reloaded",
          );
          parts.changed();
        })
        .catch((error: unknown) => log.error({ err: error }, "question bank reload failed"));
    watcher = watchFolder(
      folder,
      () => {
        reloading = reloading.then(reloadOnce);
      },
      log,
    );
  }

  const pageServer = page;
  return {
    url: pageServer.url,
    server,
    bot,
    world,
    clock,
    async close() {
      watcher?.close();
      await reloading;
      await pageServer.close();
      await bot.stop();
      await database.close();
      await server.close();
    },
  };
}
