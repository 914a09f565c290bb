import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { questionRevisions, questions } from "../../src/db/schema.js";
import { loadQuestionBank } from "../../src/questions/load-bank.js";
import { syncQuestionBank } from "../../src/questions/sync.js";
import { openTestDatabase } from "../support/db.js";

describe("question bank sync", () => {
  let database: Database;
  let root: string;
  const good = () => join(root, "TEST-C01/domain-1/good-question.yaml");

  beforeAll(async () => {
    database = await openTestDatabase();
    root = await mkdtemp(join(tmpdir(), "bank-"));
    await cp("tests/fixtures/bank", root, { recursive: true });
  });
  afterAll(async () => {
    await database.close();
    await rm(root, { recursive: true, force: true });
  });

  async function sync() {
    const bank = await loadQuestionBank(root);
    return syncQuestionBank(database.db, bank.questions, [
      ...new Set(bank.problems.map((problem) => problem.file)),
    ]);
  }

  it("adds every good question once, and a second sync changes nothing", async () => {
    expect(await sync()).toEqual({ added: 2, revised: 0, deactivated: 0, unchanged: 0 });
    expect(await sync()).toEqual({ added: 0, revised: 0, deactivated: 0, unchanged: 2 });
  });

  it("gives an edited question a new revision and keeps the old text", async () => {
    const text = await readFile(good(), "utf8");
    await writeFile(good(), text.replace("Which service fits best?", "Which AWS service fits best?"));
    expect(await sync()).toMatchObject({ revised: 1 });
    const revisions = await database.db
      .select({ revision: questionRevisions.revision, body: questionRevisions.body })
      .from(questionRevisions)
      .where(eq(questionRevisions.questionId, "good-question"))
      .orderBy(asc(questionRevisions.revision));
    expect(revisions.map((row) => row.revision)).toEqual([1, 2]);
    const stems = revisions.map((row) => (row.body as { stem: string }).stem);
    expect(stems[0]).toMatch(/Which service fits best\?$/);
    expect(stems[1]).toMatch(/Which AWS service fits best\?$/);
  });

  it("keeps the question of a file that became broken, and deactivates one whose file is gone", async () => {
    const text = await readFile(good(), "utf8");
    await writeFile(good(), text.replace("answer: A", "answer: Z"));
    expect(await sync()).toMatchObject({ deactivated: 0 });
    await rm(good());
    expect(await sync()).toMatchObject({ deactivated: 1 });
    const [row] = await database.db.select().from(questions).where(eq(questions.id, "good-question"));
    expect(row).toMatchObject({ active: false, revision: 2 });
  });
});
