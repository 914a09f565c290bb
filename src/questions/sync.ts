import { eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { questionRevisions, questions } from "../db/schema.js";
import type { LoadedQuestion } from "./load-bank.js";

export interface SyncResult {
  added: number;
  revised: number;
  deactivated: number;
  unchanged: number;
}

/**
 * Upserts the bank into the database in one transaction. An edited question gets a new revision (answers
 * keep the revision they were given against); a question whose file is gone is marked inactive, never
 * deleted. Files that failed to load (`skippedFiles`) keep their questions as they were.
 */
export async function syncQuestionBank(
  db: Db,
  bank: readonly LoadedQuestion[],
  skippedFiles: readonly string[] = [],
): Promise<SyncResult> {
  return db.transaction(async (tx) => {
    const result: SyncResult = { added: 0, revised: 0, deactivated: 0, unchanged: 0 };
    const stored = new Map((await tx.select().from(questions)).map((row) => [row.id, row]));
    // Public numbers continue from the highest an exam has given; a number is never reused.
    const lastNumber = new Map<string, number>();
    for (const row of stored.values())
      lastNumber.set(row.exam, Math.max(lastNumber.get(row.exam) ?? 0, row.number));
    const nextNumber = (exam: string) => {
      const number = (lastNumber.get(exam) ?? 0) + 1;
      lastNumber.set(exam, number);
      return number;
    };
    for (const question of [...bank].sort((a, b) => a.id.localeCompare(b.id))) {
      const { file, contentHash, ...body } = question;
      const existing = stored.get(question.id);
      const columns = {
        exam: body.exam,
        domain: body.domain,
        task: body.task,
        sourceFile: file,
        active: true,
      };
      if (!existing) {
        await tx
          .insert(questions)
          .values({ id: body.id, number: nextNumber(body.exam), revision: 1, contentHash, ...columns });
        await tx.insert(questionRevisions).values({ questionId: body.id, revision: 1, contentHash, body });
        result.added += 1;
      } else if (existing.contentHash !== contentHash) {
        const revision = existing.revision + 1;
        await tx
          .update(questions)
          .set({ revision, contentHash, ...columns })
          .where(eq(questions.id, body.id));
        await tx.insert(questionRevisions).values({ questionId: body.id, revision, contentHash, body });
        result.revised += 1;
      } else if (!existing.active || existing.sourceFile !== file) {
        await tx.update(questions).set(columns).where(eq(questions.id, body.id));
        result.unchanged += 1;
      } else {
        result.unchanged += 1;
      }
    }
    const present = new Set(bank.map((question) => question.id));
    const gone = [...stored.values()]
      .filter((row) => row.active && !present.has(row.id) && !skippedFiles.includes(row.sourceFile))
      .map((row) => row.id);
    if (gone.length > 0) await tx.update(questions).set({ active: false }).where(inArray(questions.id, gone));
    result.deactivated = gone.length;
    return result;
  });
}
