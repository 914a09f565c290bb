import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DiscordServer } from "../src/discord-server/index.js";
import { botCommand, buildBot, startLogged } from "./bot-process.js";

const token = "bench-token";

export interface MemoryFigure {
  label: string;
  /** RSS in MiB, lowest and highest of the samples taken after settling. */
  low: number;
  high: number;
  processes: number;
}

export interface MemoryOptions {
  log(line: string): void;
  /** Seconds to wait after ready before sampling. */
  settleSeconds?: number;
  samples?: number;
}

/** The pids of `root` and every process below it, from /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while the table was read.
    }
  }
  const tree = [root];
  for (let at = 0; at < tree.length; at += 1) tree.push(...(children.get(tree[at] ?? -1) ?? []));
  return tree;
}

function isNpm(pid: number): boolean {
  try {
    return /(^|\/)npm(-cli\.js)?\0/.test(readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return false;
  }
}

/** VmRSS of the tree in MiB, and how many processes it counted. */
export function treeRss(root: number): { mib: number; processes: number } {
  let kib = 0;
  let processes = 0;
  for (const pid of processTree(root)) {
    if (isNpm(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      processes += 1;
    } catch {
      // Gone.
    }
  }
  return { mib: kib / 1024, processes };
}

/** Starts a process, waits for it to be ready and settle, samples its tree's RSS, stops it. */
async function measureProcess(
  label: string,
  args: string[],
  env: Record<string, string>,
  readyMessage: string,
  options: MemoryOptions,
): Promise<MemoryFigure> {
  const started = await startLogged(args, env, readyMessage);
  try {
    await sleep((options.settleSeconds ?? 10) * 1000);
    const samples: number[] = [];
    let processes = 0;
    for (let n = 0; n < (options.samples ?? 5); n += 1) {
      const rss = treeRss(started.child.pid ?? -1);
      samples.push(rss.mib);
      processes = rss.processes;
      await sleep(1000);
    }
    const figure = { label, low: Math.min(...samples), high: Math.max(...samples), processes };
    options.log(`  ${label}: ${range(figure)} (${processes} process${processes === 1 ? "" : "es"})`);
    return figure;
  } finally {
    await started.stop();
  }
}

export const range = (figure: MemoryFigure) =>
  Math.round(figure.low) === Math.round(figure.high)
    ? `${Math.round(figure.low)} MB`
    : `${Math.round(figure.low)}–${Math.round(figure.high)} MB`;

const botEnv = (server: DiscordServer, database: Record<string, string>) => ({
  DISCORD_TOKEN: token,
  DISCORD_API_URL: server.apiUrl,
  LOG_LEVEL: "info",
  ...database,
});
const bareEnv = (server: DiscordServer) => ({ DISCORD_TOKEN: token, DISCORD_API_URL: server.apiUrl });

/** A guild with `members` people besides the bot (its owner among them) and one text channel. */
function populate(server: DiscordServer, guilds: number, members: number): void {
  for (let g = 0; g < guilds; g += 1) {
    const guild = server.createGuild({ name: `memory-${g}` });
    guild.createTextChannel({ name: "daily" });
    for (let m = 1; m < members; m += 1) guild.addMember({ username: `member-${g}-${m}` });
  }
}

export interface ConnectedFigures {
  guilds: number;
  members: number;
  bot: MemoryFigure;
  bareDefault: MemoryFigure;
  bareMinimal: MemoryFigure;
}

/** Measures the bot (on `database`: DATABASE_URL or DATA_DIR) or a bare process, one after another. */
function measurer(server: DiscordServer, options: MemoryOptions) {
  return {
    bot: (label: string, database: Record<string, string>) =>
      measureProcess(label, botCommand, botEnv(server, database), "bot ready", options),
    bare: (label: string, args: string[], env: Record<string, string> = bareEnv(server)) =>
      measureProcess(label, args, env, "ready", options),
  };
}

/** The bot on Postgres, a bare client with default caching and one with minimal caching, at `guilds` × `members`. */
export async function connectedMemory(
  postgresUrl: string,
  guilds: number,
  members: number,
  options: MemoryOptions,
): Promise<ConnectedFigures> {
  buildBot();
  const server = await DiscordServer.start({ token });
  try {
    populate(server, guilds, members);
    options.log(`  ${guilds} guilds × ${members} members set up`);
    const measure = measurer(server, options);
    return {
      guilds,
      members,
      bot: await measure.bot("bot, Postgres", { DATABASE_URL: postgresUrl }),
      bareDefault: await measure.bare("bare client, default caching", [bareClient, "default"]),
      bareMinimal: await measure.bare("bare client, minimal caching", [bareClient, "minimal"]),
    };
  } finally {
    await server.close();
  }
}

const bareClient = "bench/bare/discord-client.mjs";

export interface IdleFigures {
  botPostgres: MemoryFigure;
  botEmbeddedNew: MemoryFigure;
  botEmbedded: MemoryFigure;
  bareClient: MemoryFigure;
  barePglite: MemoryFigure;
}

/**
 * One guild: the bot on Postgres, on a new embedded database and again on the same folder, a bare
 * client, and a bare PGlite process opening the folder the bot left (the embedded database's floor).
 */
export async function idleMemory(postgresUrl: string, options: MemoryOptions): Promise<IdleFigures> {
  buildBot();
  const server = await DiscordServer.start({ token });
  const dataDir = await mkdtemp(join(tmpdir(), "certbot-memory-"));
  try {
    populate(server, 1, 1);
    const measure = measurer(server, options);
    return {
      botPostgres: await measure.bot("idle bot, Postgres", { DATABASE_URL: postgresUrl }),
      botEmbeddedNew: await measure.bot("idle bot, new embedded database", { DATA_DIR: dataDir }),
      botEmbedded: await measure.bot("idle bot, embedded database opened again", { DATA_DIR: dataDir }),
      bareClient: await measure.bare("idle bare client, default caching", [bareClient, "default"]),
      barePglite: await measure.bare(
        "bare PGlite process opening the bot's folder",
        ["bench/bare/pglite.mjs", join(dataDir, "pglite")],
        {},
      ),
    };
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
