import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { eq } from "drizzle-orm";
import { parse } from "yaml";
import type { Db } from "../db/client.js";
import { questionBankSyncs } from "../db/schema.js";
import { type Track, trackSchema } from "./track.js";

/**
 * A start-up with an unchanged bank skips loading, checking and syncing it: the fingerprint covers every
 * file of the bank and every source file of the code that validates it (`codeFolders`), so an edited
 * question or an edited check makes the next start load and sync the bank in full.
 */
export async function bankFingerprint(root: string, codeFolders: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const folder of [root, ...codeFolders]) {
    const entries = await readdir(folder, { withFileTypes: true, recursive: true });
    const files = entries
      .filter((entry) => entry.isFile() && /\.(ya?ml|ts|js)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) {
      hash.update(relative(folder, file)).update("\0");
      hash.update(await readFile(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

/** True when the bank in `root` was synced with this fingerprint (one primary-key read). */
export async function bankUnchanged(db: Db, root: string, fingerprint: string): Promise<boolean> {
  const [row] = await db
    .select({ fingerprint: questionBankSyncs.fingerprint })
    .from(questionBankSyncs)
    .where(eq(questionBankSyncs.folder, resolve(root)));
  return row?.fingerprint === fingerprint;
}

export async function rememberBankSync(db: Db, root: string, fingerprint: string): Promise<void> {
  const folder = resolve(root);
  await db
    .insert(questionBankSyncs)
    .values({ folder, fingerprint })
    .onConflictDoUpdate({ target: questionBankSyncs.folder, set: { fingerprint } });
}

/** Only the tracks (questions/<EXAM>/track.yaml), for a start whose bank is unchanged; undefined if one is unreadable. */
export async function loadTracks(root: string): Promise<Map<string, Track> | undefined> {
  const tracks = new Map<string, Track>();
  const folders = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  for (const folder of folders) {
    const text = await readFile(join(root, folder.name, "track.yaml"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const track = trackSchema.safeParse(parse(text));
    if (!track.success) return undefined;
    tracks.set(track.data.exam, track.data);
  }
  return tracks;
}
