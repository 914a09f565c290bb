import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { postings, questionRevisions, questions } from "../../src/db/schema.js";
import type { MessageView } from "../../src/discord-server/index.js";
import type { Question } from "../../src/questions/question.js";

/** The questions of an exam as stored, to tell which one a member is shown (members never see ids). */
export async function questionsOf(db: Db, exam: string): Promise<Question[]> {
  const rows = await db
    .select({ body: questionRevisions.body })
    .from(questionRevisions)
    .innerJoin(questions, eq(questions.id, questionRevisions.questionId))
    .where(eq(questions.exam, exam));
  return rows.map((row) => row.body as Question);
}

/** The question whose stem the message shows. */
export function shownQuestion(view: MessageView, bank: readonly Question[]): Question {
  const text = view.embeds[0]?.description ?? "";
  const found = bank.find((question) => text.startsWith(question.stem.slice(0, 60)));
  if (!found) throw new Error(`no question of the bank is shown in: ${text.slice(0, 120)}`);
  return found;
}

/** Postings so far, oldest first, with their question ids. */
export async function postedQuestions(db: Db) {
  return db.select().from(postings).orderBy(postings.id);
}

/** The label of the button for a letter that is not the key. */
export function wrongLetter(question: Question): string {
  return ["A", "B", "C", "D", "E", "F"].find((letter) => !question.answer.includes(letter as never)) ?? "A";
}
