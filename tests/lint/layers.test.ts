import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const biome = resolve("node_modules/.bin/biome");
const rule = "lint/style/noRestrictedImports";

/** Files that each import one thing; those named uses-… break a layer, the others do not. */
const files: Record<string, string> = {
  "src/quiz/uses-discord.ts": `import { Client } from "discord.js";`,
  "src/questions/uses-render.ts": `import { Client } from "../discord/render/check-rendering.js";`,
  "src/certs/uses-builders.ts": `import { Client } from "@discordjs/builders";`,
  "src/uses-discord-type.ts": `import type { Client } from "discord.js";`,
  "src/stats/uses-quiz.ts": `import { Client } from "../quiz/schedule.js";`,
  "src/discord/commands/uses-sql.ts": `import { Client } from "drizzle-orm";`,
  "src/discord/components/uses-schema.ts": `import { Client } from "../../db/schema.js";`,
  "src/discord/commands/allowed-discord.ts": `import { Client } from "discord.js";`,
  "src/discord/allowed-unavailable.ts": `import { Client } from "../db/unavailable.js";`,
  "src/discord/allowed-core.ts": `import { Client } from "../quiz/channels.js";`,
  "src/app.ts": `import { Client } from "discord.js";`,
  "src/playground/allowed-discord.ts": `import { Client } from "discord.js";`,
  "src/quiz/allowed-stats.ts": `import { Client } from "../stats/zone.js";`,
};

/** The files biome flags with the rule, by path, from its GitHub-style report. */
async function restricted(cwd: string, target: string): Promise<string[]> {
  const args = ["lint", "--vcs-enabled=false", "--reporter=github", `--only=${rule}`, target];
  const output = await run(biome, args, { cwd }).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? "",
  }));
  return output.stdout
    .split("\n")
    .filter((line) => line.startsWith(`::error title=${rule},`))
    .map((line) => /file=([^,]+)/.exec(line)?.[1] ?? "")
    .map((file) => file.slice(file.indexOf("src/")))
    .sort();
}

describe("the layers biome.json keeps", () => {
  let folder: string;
  let flagged: string[];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "layers-"));
    await copyFile("biome.json", join(folder, "biome.json"));
    for (const [path, line] of Object.entries(files)) {
      await mkdir(dirname(join(folder, path)), { recursive: true });
      await writeFile(join(folder, path), `${line}\n\nexport const used = Client;\n`);
    }
    flagged = await restricted(folder, "src");
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it("refuses discord.js and src/discord in the core, the quiz core in the stats, SQL in src/discord", () => {
    expect(flagged).toEqual(
      [
        "src/certs/uses-builders.ts",
        "src/uses-discord-type.ts",
        "src/discord/commands/uses-sql.ts",
        "src/discord/components/uses-schema.ts",
        "src/questions/uses-render.ts",
        "src/quiz/uses-discord.ts",
        "src/stats/uses-quiz.ts",
      ].sort(),
    );
  });

  it("allows the same imports where the layers permit them", () => {
    const allowed = Object.keys(files).filter((path) => !path.includes("uses-"));
    expect(allowed.filter((path) => flagged.includes(path))).toEqual([]);
  });

  it("finds nothing to refuse in the source tree", async () => {
    expect(await restricted(process.cwd(), "src")).toEqual([]);
  });
});
