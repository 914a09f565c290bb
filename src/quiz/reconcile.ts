import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { answers, postings, quizChannels } from "../db/schema.js";
import type { Letter } from "../questions/question.js";

/** Who holds each answer reaction on a question message, as Discord reports it (bot excluded). */
export type ReactionHolders = ReadonlyMap<Letter, readonly string[]>;

/**
 * Makes the answers table agree with the reactions Discord holds on an open question, e.g. after a restart
 * or a gateway reconnect: reactions added while the bot was away are recorded, removed ones are dropped.
 * Locked answers ("first" policy) stay as they are. Returns how many answers changed.
 */
export async function reconcileAnswers(
  db: Db,
  postingId: number,
  holders: ReactionHolders,
  now: Date,
): Promise<number> {
  const [posting] = await db
    .select({
      answerSize: postings.answerSize,
      policy: quizChannels.answerPolicy,
      closedAt: postings.closedAt,
    })
    .from(postings)
    .innerJoin(quizChannels, eq(quizChannels.id, postings.quizChannelId))
    .where(eq(postings.id, postingId));
  if (!posting || posting.closedAt) return 0;

  const held = new Map<string, Letter[]>();
  for (const [letter, users] of holders) {
    for (const user of users) held.set(user, [...(held.get(user) ?? []), letter]);
  }
  const stored = new Map(
    (await db.select().from(answers).where(eq(answers.postingId, postingId))).map((answer) => [
      answer.userId,
      answer,
    ]),
  );
  let changed = 0;
  for (const userId of new Set([...held.keys(), ...stored.keys()])) {
    const existing = stored.get(userId);
    if (existing?.locked) continue;
    const letters = (held.get(userId) ?? []).sort();
    // A single-answer question: keep the recorded letter when the member still holds it among others.
    const choices =
      posting.answerSize === 1 &&
      existing &&
      letters.length > 1 &&
      letters.includes(existing.choices as Letter)
        ? existing.choices
        : letters.join("");
    if (existing?.choices === choices) continue;
    const locked = posting.policy === "first" && choices.length >= posting.answerSize;
    await db
      .insert(answers)
      .values({ postingId, userId, choices, firstAnsweredAt: now, lastAnsweredAt: now, locked })
      .onConflictDoUpdate({
        target: [answers.postingId, answers.userId],
        set: { choices, lastAnsweredAt: now, locked },
        setWhere: and(eq(answers.locked, false)),
      });
    changed += 1;
  }
  return changed;
}
