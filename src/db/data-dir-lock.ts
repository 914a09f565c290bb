import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The embedded database serves one process; a second one on the same folder would post everything twice. */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly pid: number,
    readonly folder: string,
  ) {
    super(
      `The embedded database in ${folder} is in use by another bot process (pid ${pid}): stop that process first, or set DATABASE_URL to a Postgres database to run several processes.`,
    );
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

/** Lock files this process holds: a second open in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * Takes `<folder>/certbot.lock`, a file holding this process's pid. The file is written under a
 * temporary name and hard-linked into place, so it appears atomically and always complete; a lock whose
 * pid is no longer running (a crash, SIGKILL) is taken over. Released on release() or process exit.
 */
export function lockDataDir(folder: string): DataDirLock {
  const file = join(resolve(folder), "certbot.lock");
  if (heldHere.has(file)) throw new DataDirLockedError(process.pid, resolve(folder));
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, `${process.pid}\n`);
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 3) throw error;
      }
      const holder = readHolder(file);
      if (holder !== undefined && isRunning(holder)) throw new DataDirLockedError(holder, resolve(folder));
      removeStale(file, holder);
    }
  } finally {
    unlinkSync(draft);
  }
  heldHere.add(file);
  const onExit = () => release();
  function release() {
    if (!heldHere.delete(file)) return;
    process.off("exit", onExit);
    if (readHolder(file) === process.pid) unlinkSync(file);
  }
  // A process that exits without closing the database (an uncaught error) still leaves the folder free.
  process.on("exit", onExit);
  return { file, release };
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A lock holding our own pid is from an earlier life of this process id (in a container the bot is
 * often pid 1 on every start), since this process's own locks are in `heldHere`.
 */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Moves the stale lock aside before deleting it: when two processes take over the same stale lock,
 * only one rename succeeds, and a fresh lock that replaced it in between is put back, not deleted.
 */
function removeStale(file: string, stalePid: number | undefined) {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved !== stalePid && moved !== undefined && isRunning(moved)) {
    try {
      linkSync(aside, file);
    } catch {
      // Someone else holds the folder now; the next attempt reads and reports them.
    }
  }
  unlinkSync(aside);
}
