import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { expect, it } from "vitest";

/** Files under src/ that may use the Discord-compatible server: the server itself and the playground. */
const ALLOWED = ["src/discord-server/", "src/playground/"];

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => join(e.parentPath, e.name));
}

it("keeps the Discord-compatible server out of the bot's own runtime imports", async () => {
  const offenders: string[] = [];
  for (const file of await sourceFiles("src")) {
    const path = relative(".", file).replaceAll("\\", "/");
    if (ALLOWED.some((prefix) => path.startsWith(prefix))) continue;
    if (/from\s+["'][^"']*discord-server\//.test(await readFile(file, "utf8"))) offenders.push(path);
  }
  expect(offenders).toEqual([]);
});
