import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { test as base, describe, expect } from "vitest";
import { questionRevisions, questions } from "../../src/db/schema.js";
import { loadQuestionBank } from "../../src/questions/load-bank.js";
import { syncQuestionBank } from "../../src/questions/sync.js";
import { openTestDatabase } from "../support/db.js";

/** A database and a copy of the fixture bank of the test's own: the bank's question ids are fixed. */
// biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture needs from this pattern
const test = base.extend("bank", async ({}, { onCleanup }) => {
  const database = await openTestDatabase();
  const root = await mkdtemp(join(tmpdir(), "bank-"));
  await cp("tests/fixtures/bank", root, { recursive: true });
  onCleanup(async () => {
    await database.close();
    await rm(root, { recursive: true, force: true });
  });
  const sync = async () => {
    const bank = await loadQuestionBank(root);
    return syncQuestionBank(database.db, bank.questions, [
      ...new Set(bank.problems.map((problem) => problem.file)),
    ]);
  };
  return { db: database.db, good: join(root, "TEST-C01/domain-1/good-question.yaml"), sync };
});

describe("question bank sync", () => {
  test("adds every good question once, and a second sync changes nothing", async ({ bank }) => {
    expect(await bank.sync()).toEqual({ added: 2, revised: 0, deactivated: 0, unchanged: 0 });
    expect(await bank.sync()).toEqual({ added: 0, revised: 0, deactivated: 0, unchanged: 2 });
  });

  test("gives an edited question a new revision and keeps the old text", async ({ bank }) => {
    await bank.sync();
    const text = await readFile(bank.good, "utf8");
    await writeFile(bank.good, text.replace("Which service fits best?", "Which AWS service fits best?"));
    expect(await bank.sync()).toMatchObject({ revised: 1 });
    const revisions = await bank.db
      .select({ revision: questionRevisions.revision, body: questionRevisions.body })
      .from(questionRevisions)
      .where(eq(questionRevisions.questionId, "good-question"))
      .orderBy(asc(questionRevisions.revision));
    expect(revisions.map((row) => row.revision)).toEqual([1, 2]);
    const stems = revisions.map((row) => (row.body as { stem: string }).stem);
    expect(stems[0]).toMatch(/Which service fits best\?$/);
    expect(stems[1]).toMatch(/Which AWS service fits best\?$/);
  });

  test("keeps the question of a file that became broken, and deactivates one whose file is gone", async ({
    bank,
  }) => {
    await bank.sync();
    const edited = (await readFile(bank.good, "utf8")).replace("fits best?", "fits best of all?");
    await writeFile(bank.good, edited);
    expect(await bank.sync()).toMatchObject({ revised: 1 });
    await writeFile(bank.good, edited.replace("answer: A", "answer: Z"));
    expect(await bank.sync()).toMatchObject({ deactivated: 0 });
    await rm(bank.good);
    expect(await bank.sync()).toMatchObject({ deactivated: 1 });
    // The last good revision stays the question's: the broken file added none.
    const [row] = await bank.db.select().from(questions).where(eq(questions.id, "good-question"));
    expect(row).toMatchObject({ active: false, revision: 2 });
  });
});
