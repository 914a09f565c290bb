import { appendFile, cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import {
  bankFingerprint,
  bankUnchanged,
  loadTracks,
  rememberBankSync,
} from "../../src/questions/bank-fingerprint.js";
import { openTestDatabase } from "../support/db.js";

describe("the bank fingerprint that lets an unchanged bank skip its sync", () => {
  let database: Database;
  let folder: string;
  let code: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const root = await mkdtemp(join(tmpdir(), "certbot-bank-"));
    folder = join(root, "bank");
    code = join(root, "code");
    await cp("tests/fixtures/quiz-bank", folder, { recursive: true });
    await cp("src/questions", code, { recursive: true });
  });
  afterAll(async () => {
    await database.close();
    await rm(join(folder, ".."), { recursive: true, force: true });
  });

  it("is unchanged only for the fingerprint last remembered for that folder", async () => {
    const fingerprint = await bankFingerprint(folder, [code]);
    expect(await bankFingerprint(folder, [code])).toBe(fingerprint);
    expect(await bankUnchanged(database.db, folder, fingerprint)).toBe(false);
    await rememberBankSync(database.db, folder, fingerprint);
    expect(await bankUnchanged(database.db, folder, fingerprint)).toBe(true);
    expect(await bankUnchanged(database.db, code, fingerprint)).toBe(false);
  });

  it("changes when a question file or the checking code changes", async () => {
    const before = await bankFingerprint(folder, [code]);
    await appendFile(join(folder, "SNGL-C01", "track.yaml"), "\n# edited\n");
    const edited = await bankFingerprint(folder, [code]);
    expect(edited).not.toBe(before);
    await appendFile(join(code, "question.ts"), "\n// edited\n");
    expect(await bankFingerprint(folder, [code])).not.toBe(edited);
  });

  it("reads the tracks alone", async () => {
    const tracks = await loadTracks(folder);
    expect([...(tracks?.keys() ?? [])].sort()).toEqual(["MULT-C01", "SNGL-C01"]);
  });
});
