import { and, eq, isNull } from "drizzle-orm";
import type { AppContext } from "../context.js";
import type { Db } from "../db/client.js";
import { questionRevisions, studyItems, studySessions } from "../db/schema.js";
import type { Letter, Question } from "../questions/question.js";
import { optionLetters } from "../questions/question.js";
import type { Track } from "../questions/track.js";
import { addSessionItems, studyCandidates } from "./candidates.js";
import { choosePracticeQuestion, type PracticeReason } from "./choose-practice-question.js";
import { memberHistory } from "./history.js";
import {
  activeSession,
  type Clicker,
  type ItemWithQuestion,
  isExactKey,
  itemAt,
  lettersOf,
  ownedSession,
  type StudySession,
  sessionItemCount,
  shownRevision,
  sortedChoices,
} from "./sessions.js";
import { rememberQuestions } from "./spaced-repetition.js";

export const practiceSizes = { default: 10, max: 50 } as const;

/** What the member sees of a practice session: the question on screen, or the summary at the end. */
export type PracticeView =
  | {
      kind: "question";
      session: StudySession;
      item: ItemWithQuestion;
      reason: PracticeReason | null;
      /** Answered so far in the session, and how many of them right. */
      answered: number;
      correct: number;
    }
  | { kind: "summary"; session: StudySession; answered: number; correct: number };

/** A click is either for the member's own session, or refused (someone else's, or a forged id). */
export type PracticeOutcome = { kind: "ok"; view: PracticeView } | { kind: "not-yours" };

export interface StartPractice extends Clicker {
  track: Track;
  domain: number | null;
  size: number;
}

/**
 * Starts a practice session (stopping the member's previous one in this server) with its first question,
 * in one transaction. Undefined when the exam (or domain) has no question to offer.
 */
export async function startPractice(
  ctx: AppContext,
  start: StartPractice,
): Promise<PracticeView | undefined> {
  const now = ctx.clock.now();
  const planned = {
    guildId: start.guildId,
    userId: start.userId,
    exam: start.track.exam,
    domain: start.domain,
  };
  const first = await chooseNext(ctx.db, { ...planned, id: null }, start.track, now);
  if (!first) return undefined;
  const sessionId = await ctx.db.transaction(async (tx) => {
    await tx
      .update(studySessions)
      .set({ status: "stopped", finishedAt: now })
      .where(
        and(
          eq(studySessions.guildId, start.guildId),
          eq(studySessions.userId, start.userId),
          eq(studySessions.kind, "practice"),
          eq(studySessions.status, "active"),
        ),
      );
    const [session] = await tx
      .insert(studySessions)
      .values({ ...planned, kind: "practice", size: start.size, viewedSince: now, startedAt: now })
      .returning({ id: studySessions.id });
    if (!session) throw new Error("practice session insert returned nothing");
    await addSessionItems(tx, session.id, 1, [first]);
    return session.id;
  });
  return practiceView(ctx.db, sessionId);
}

/** The member's active practice session in this server, as it stands. */
export async function resumePractice(db: Db, clicker: Clicker): Promise<PracticeView | undefined> {
  const session = await activeSession(db, clicker, "practice");
  return session ? practiceView(db, session.id) : undefined;
}

/**
 * A letter clicked on the question at `position`. A single answer is scored at once; for a
 * choose-N question the letter is toggled and scored on Submit. A click on a question no longer on
 * screen (a double click, an old message) changes nothing and shows where the session is.
 */
export async function pickPracticeLetter(
  ctx: AppContext,
  clicker: Clicker,
  sessionId: number,
  position: number,
  letter: string,
): Promise<PracticeOutcome> {
  const found = await openItem(ctx.db, clicker, sessionId, position);
  if (found.kind !== "open") return found.outcome;
  const { item } = found;
  if (!optionLetters(item.question).includes(letter as Letter)) return { kind: "not-yours" };
  if (item.answerSize === 1) {
    await scoreItem(ctx.db, item, letter, ctx.clock.now());
  } else {
    const picked = new Set(lettersOf(item.choices));
    if (picked.has(letter as Letter)) picked.delete(letter as Letter);
    else if (picked.size < item.answerSize) picked.add(letter as Letter);
    await ctx.db
      .update(studyItems)
      .set({ choices: sortedChoices(picked) })
      .where(
        and(
          eq(studyItems.sessionId, sessionId),
          eq(studyItems.position, position),
          isNull(studyItems.answeredAt),
        ),
      );
  }
  return { kind: "ok", view: await practiceView(ctx.db, sessionId) };
}

/** Submit on a choose-N question: scored as an exact set, as AWS scores it. */
export async function submitPracticeAnswer(
  ctx: AppContext,
  clicker: Clicker,
  sessionId: number,
  position: number,
): Promise<PracticeOutcome> {
  const found = await openItem(ctx.db, clicker, sessionId, position);
  if (found.kind !== "open") return found.outcome;
  if (found.item.choices.length === found.item.answerSize) {
    await scoreItem(ctx.db, found.item, found.item.choices, ctx.clock.now());
  }
  return { kind: "ok", view: await practiceView(ctx.db, sessionId) };
}

/** Next: the following question (chosen now, from the member's history), or the summary after the last. */
export async function nextPracticeQuestion(
  ctx: AppContext,
  clicker: Clicker,
  sessionId: number,
  position: number,
): Promise<PracticeOutcome> {
  const session = await ownedSession(ctx.db, sessionId, clicker, "practice");
  if (!session) return { kind: "not-yours" };
  const track = ctx.tracks.get(session.exam);
  const item = await itemAt(ctx.db, sessionId, position);
  if (session.status === "active" && session.position === position && item?.answeredAt && track) {
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      // The position moves only from where the click saw it: a second click of the same Next does nothing.
      const [claimed] = await tx
        .update(studySessions)
        .set({ position: position + 1, viewedSince: now })
        .where(and(eq(studySessions.id, sessionId), eq(studySessions.position, position)))
        .returning();
      if (!claimed) return;
      const next = position < session.size ? await chooseNext(tx, claimed, track, now) : undefined;
      if (next) await addSessionItems(tx, sessionId, position + 1, [next]);
      else await finish(tx, sessionId, "finished", now);
    });
  }
  return { kind: "ok", view: await practiceView(ctx.db, sessionId) };
}

export async function stopPractice(
  ctx: AppContext,
  clicker: Clicker,
  sessionId: number,
): Promise<PracticeOutcome> {
  const session = await ownedSession(ctx.db, sessionId, clicker, "practice");
  if (!session) return { kind: "not-yours" };
  if (session.status === "active") await finish(ctx.db, sessionId, "stopped", ctx.clock.now());
  return { kind: "ok", view: await practiceView(ctx.db, sessionId) };
}

async function finish(db: Db, sessionId: number, status: "finished" | "stopped", now: Date) {
  await db
    .update(studySessions)
    .set({ status, finishedAt: now })
    .where(and(eq(studySessions.id, sessionId), eq(studySessions.status, "active")));
}

type OpenItem =
  | { kind: "open"; session: StudySession; item: ItemWithQuestion }
  | { kind: "closed"; outcome: PracticeOutcome };

/** The unanswered question on screen, if the click is for it; otherwise what to show instead. */
async function openItem(db: Db, clicker: Clicker, sessionId: number, position: number): Promise<OpenItem> {
  const session = await ownedSession(db, sessionId, clicker, "practice");
  if (!session) return { kind: "closed", outcome: { kind: "not-yours" } };
  const item =
    session.status === "active" && session.position === position
      ? await itemAt(db, sessionId, position)
      : undefined;
  if (!item || item.answeredAt)
    return { kind: "closed", outcome: { kind: "ok", view: await practiceView(db, sessionId) } };
  return { kind: "open", session, item };
}

/** Scores an answer once: the update claims the unanswered item, so a double click scores one answer. */
async function scoreItem(db: Db, item: ItemWithQuestion, choices: string, now: Date) {
  await db
    .update(studyItems)
    .set({ choices, answeredAt: now, correct: isExactKey(choices, item.question) })
    .where(
      and(
        eq(studyItems.sessionId, item.sessionId),
        eq(studyItems.position, item.position),
        isNull(studyItems.answeredAt),
      ),
    );
}

type SessionScope = Pick<StudySession, "guildId" | "userId" | "exam" | "domain"> & { id: number | null };

/** The next question for a session from the member's history; undefined when nothing is left to ask. */
async function chooseNext(db: Db, session: SessionScope, track: Track, now: Date) {
  const candidates = await studyCandidates(db, {
    guildId: session.guildId,
    exam: session.exam,
    domain: session.domain,
    sessionId: session.id,
  });
  const history = await memberHistory(db, session.guildId, session.userId, session.exam);
  const choice = choosePracticeQuestion({
    candidates,
    memories: rememberQuestions(history.reviews, now),
    tallies: history.tallies,
    track,
    now,
    random: Math.random,
  });
  return choice ? { questionId: choice.id, reason: choice.reason } : undefined;
}

/** The session as it stands, in one query: the session, its score so far and the question on screen. */
async function practiceView(db: Db, sessionId: number): Promise<PracticeView> {
  const [row] = await db
    .select({
      session: studySessions,
      answered: sessionItemCount("answered"),
      correct: sessionItemCount("correct"),
      item: studyItems,
      body: questionRevisions.body,
    })
    .from(studySessions)
    .leftJoin(
      studyItems,
      and(
        eq(studyItems.sessionId, studySessions.id),
        eq(studyItems.position, studySessions.position),
        eq(studySessions.status, "active"),
      ),
    )
    .leftJoin(questionRevisions, shownRevision)
    .where(eq(studySessions.id, sessionId));
  if (!row) throw new Error(`practice session ${sessionId} is gone`);
  const score = { answered: row.answered, correct: row.correct };
  if (!row.item || !row.body) return { kind: "summary", session: row.session, ...score };
  const item = { ...row.item, question: row.body as Question };
  return {
    kind: "question",
    session: row.session,
    item,
    reason: item.reason as PracticeReason | null,
    ...score,
  };
}
