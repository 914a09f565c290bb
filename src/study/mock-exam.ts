import { and, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { AppContext } from "../context.js";
import type { Db } from "../db/client.js";
import { studyItems, studySessions } from "../db/schema.js";
import { type Letter, optionLetters } from "../questions/question.js";
import type { Track } from "../questions/track.js";
import { addSessionItems, studyCandidates } from "./candidates.js";
import { drawMock } from "./draw-mock.js";
import { memberHistory } from "./history.js";
import { buildMockReport, type MockReport, secondsPerQuestion } from "./mock-report.js";
import {
  activeSession,
  addTimeOnItem,
  type Clicker,
  type ItemWithQuestion,
  isExactKey,
  itemAt,
  itemsWithQuestions,
  lettersOf,
  ownedSession,
  type StudySession,
  secondsBetween,
  sessionItemCount,
  sessionItems,
  sortedChoices,
} from "./sessions.js";

export const mockSizes = [10, 20, 65] as const;
export type MockSize = (typeof mockSizes)[number];

/** A question of a running mock as the member sees it: no key, no feedback until the end. */
export interface MockQuestionView {
  kind: "question";
  session: StudySession & { deadline: Date };
  item: ItemWithQuestion;
  /** Positions that have a complete answer. */
  answered: number[];
}

export type MockView = MockQuestionView | { kind: "report"; report: MockReport };
export type MockOutcome = { kind: "ok"; view: MockView } | { kind: "not-yours" };

export type StartMockResult =
  | { kind: "started"; view: MockView }
  | { kind: "already-active"; view: MockView }
  | { kind: "too-few"; available: number };

/**
 * Starts a timed mock: `size` questions drawn to the exam's domain weights (unseen first, never the open
 * daily question), a deadline of 2.4 minutes a question, all in one transaction. One active mock per
 * member and server: the partial unique index is the claim.
 */
export async function startMock(
  ctx: AppContext,
  clicker: Clicker,
  track: Track,
  size: MockSize,
  random: () => number = Math.random,
): Promise<StartMockResult> {
  const now = ctx.clock.now();
  const running = await currentMock(ctx, clicker);
  if (running) return { kind: "already-active", view: running };
  const candidates = await studyCandidates(ctx.db, {
    ...clicker,
    exam: track.exam,
    domain: null,
    sessionId: null,
  });
  if (candidates.length < size) return { kind: "too-few", available: candidates.length };
  const seen = new Map<string, number>();
  for (const review of (await memberHistory(ctx.db, clicker.guildId, clicker.userId, track.exam)).reviews)
    seen.set(review.questionId, (seen.get(review.questionId) ?? 0) + 1);
  const drawn = drawMock(
    candidates.map((candidate) => ({ ...candidate, timesSeen: seen.get(candidate.id) ?? 0 })),
    track,
    size,
    random,
  );
  const sessionId = await ctx.db.transaction(async (tx) => {
    const [session] = await tx
      .insert(studySessions)
      .values({
        ...clicker,
        kind: "mock",
        exam: track.exam,
        size: drawn.length,
        viewedSince: now,
        startedAt: now,
        deadline: new Date(now.getTime() + drawn.length * secondsPerQuestion * 1000),
      })
      .onConflictDoNothing()
      .returning({ id: studySessions.id });
    if (!session) return undefined;
    await addSessionItems(
      tx,
      session.id,
      1,
      drawn.map((question) => ({ questionId: question.id, reason: null })),
    );
    return session.id;
  });
  const view = await currentMock(ctx, clicker);
  if (!view) throw new Error("the mock just started is gone");
  return sessionId === undefined ? { kind: "already-active", view } : { kind: "started", view };
}

/** The member's running mock (finishing it first if its time is up), or undefined. */
export async function currentMock(ctx: AppContext, clicker: Clicker): Promise<MockView | undefined> {
  const session = await activeSession(ctx.db, clicker, "mock");
  return session ? mockView(ctx, session.id) : undefined;
}

/** A letter clicked: the answer is stored (toggled for choose-N), never scored or shown before the end. */
export async function pickMockLetter(
  ctx: AppContext,
  clicker: Clicker,
  sessionId: number,
  position: number,
  letter: string,
): Promise<MockOutcome> {
  const session = await ownedSession(ctx.db, sessionId, clicker, "mock");
  if (!session) return { kind: "not-yours" };
  const item = await runningItem(ctx, session, position);
  if (item) {
    if (!optionLetters(item.question).includes(letter as Letter)) return { kind: "not-yours" };
    const picked = new Set(item.answerSize === 1 ? [] : lettersOf(item.choices));
    if (item.answerSize === 1 || !picked.has(letter as Letter)) picked.add(letter as Letter);
    else picked.delete(letter as Letter);
    if (picked.size <= item.answerSize)
      await ctx.db
        .update(studyItems)
        .set({ choices: sortedChoices(picked) })
        .where(and(eq(studyItems.sessionId, sessionId), eq(studyItems.position, position)));
  }
  return { kind: "ok", view: await mockView(ctx, sessionId) };
}

/** Moves from the question at `from` to `to`, adding the time spent on `from` to it. */
export async function goToMockQuestion(
  ctx: AppContext,
  clicker: Clicker,
  sessionId: number,
  from: number,
  to: number,
): Promise<MockOutcome> {
  const session = await ownedSession(ctx.db, sessionId, clicker, "mock");
  if (!session) return { kind: "not-yours" };
  const item = await runningItem(ctx, session, from);
  if (item && Number.isInteger(to) && to >= 1 && to <= session.size) {
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      const [moved] = await tx
        .update(studySessions)
        .set({ position: to, viewedSince: now })
        .where(
          and(
            eq(studySessions.id, sessionId),
            eq(studySessions.position, from),
            eq(studySessions.status, "active"),
          ),
        )
        .returning();
      if (!moved) return;
      await addTimeOnItem(tx, sessionId, from, secondsBetween(session.viewedSince, now));
    });
  }
  return { kind: "ok", view: await mockView(ctx, sessionId) };
}

/** Finish now (the member's choice): scores every question, unanswered ones as wrong. */
export async function finishMockNow(
  ctx: AppContext,
  clicker: Clicker,
  sessionId: number,
): Promise<MockOutcome> {
  const session = await ownedSession(ctx.db, sessionId, clicker, "mock");
  if (!session) return { kind: "not-yours" };
  await finishMock(ctx, session, ctx.clock.now());
  return { kind: "ok", view: await mockView(ctx, sessionId) };
}

/** Every active mock whose deadline has passed is finished at its deadline (the scheduler's job). */
export async function finishExpiredMocks(ctx: AppContext, now: Date): Promise<number> {
  const expired = await ctx.db
    .select()
    .from(studySessions)
    .where(
      and(
        eq(studySessions.status, "active"),
        isNotNull(studySessions.deadline),
        lte(studySessions.deadline, now),
      ),
    );
  for (const session of expired) await finishMock(ctx, session, now);
  return expired.length;
}

/** A finished mock's question, with its key and explanations, for the review after the end. */
export async function reviewMockQuestion(db: Db, clicker: Clicker, sessionId: number, position: number) {
  const session = await ownedSession(db, sessionId, clicker, "mock");
  if (session?.status !== "finished") return undefined;
  const item = await itemAt(db, sessionId, position);
  return item ? { session, item } : undefined;
}

export interface MockAttempt {
  session: StudySession;
  correct: number;
}

/** The member's finished mocks in this server, newest first. */
export async function mockHistory(db: Db, clicker: Clicker, limit = 10): Promise<MockAttempt[]> {
  const rows = await db
    .select({
      session: studySessions,
      correct: sessionItemCount("correct"),
    })
    .from(studySessions)
    .where(
      and(
        eq(studySessions.guildId, clicker.guildId),
        eq(studySessions.userId, clicker.userId),
        eq(studySessions.kind, "mock"),
        eq(studySessions.status, "finished"),
      ),
    )
    .orderBy(desc(studySessions.startedAt))
    .limit(limit);
  return rows;
}

/** The item on screen of a running mock, if `position` is it; a mock past its deadline is finished first. */
async function runningItem(ctx: AppContext, session: StudySession, position: number) {
  if (session.status !== "active") return undefined;
  if (session.deadline && session.deadline <= ctx.clock.now()) {
    await finishMock(ctx, session, ctx.clock.now());
    return undefined;
  }
  return session.position === position ? itemAt(ctx.db, session.id, position) : undefined;
}

/**
 * Ends a mock in ONE transaction, at `now` or at its deadline if that came first: the time on the last
 * question is added, every item is scored (an incomplete answer is wrong), and the projection is stored.
 * The status update is the claim: a second finish (a click racing the scheduler) does nothing.
 */
async function finishMock(ctx: AppContext, session: StudySession, now: Date): Promise<void> {
  const end = session.deadline && session.deadline < now ? session.deadline : now;
  await ctx.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(studySessions)
      .set({ status: "finished", finishedAt: end })
      .where(and(eq(studySessions.id, session.id), eq(studySessions.status, "active")))
      .returning();
    if (!claimed) return;
    await addTimeOnItem(tx, session.id, claimed.position, secondsBetween(claimed.viewedSince, end));
    const items = await itemsWithQuestions(tx, session.id);
    const right = items
      .filter((item) => isExactKey(item.choices, item.question))
      .map((item) => item.position);
    await tx
      .update(studyItems)
      .set({
        answeredAt: end,
        correct: right.length === 0 ? false : sql`${studyItems.position} in (${sql.join(right, sql`, `)})`,
      })
      .where(eq(studyItems.sessionId, session.id));
    const track = ctx.tracks.get(session.exam);
    if (!track) return;
    const scored = items.map((item) => ({ ...item, correct: right.includes(item.position) }));
    const { readiness } = buildMockReport(claimed, scored, track);
    await tx
      .update(studySessions)
      .set({ projectedScore: readiness.score, projectedMargin: readiness.margin })
      .where(eq(studySessions.id, session.id));
  });
}

/** The running question, or the report once the mock is over: the items without their questions, and
 * the question on screen with its body (a 65-question mock does not read 65 bodies per click). */
async function mockView(ctx: AppContext, sessionId: number): Promise<MockView> {
  const [session] = await ctx.db.select().from(studySessions).where(eq(studySessions.id, sessionId));
  if (!session?.deadline) throw new Error(`mock ${sessionId} is gone`);
  if (session.status === "active" && session.deadline <= ctx.clock.now()) {
    await finishMock(ctx, session, ctx.clock.now());
    return mockView(ctx, sessionId);
  }
  const items = await sessionItems(ctx.db, sessionId);
  const track = ctx.tracks.get(session.exam);
  if (session.status !== "active" && track)
    return { kind: "report", report: buildMockReport(session, items, track) };
  const item = await itemAt(ctx.db, sessionId, session.position);
  if (!item || !track) throw new Error(`mock ${sessionId} has no question ${session.position}`);
  const answered = items
    .filter((entry) => entry.choices.length === entry.answerSize)
    .map((entry) => entry.position);
  return { kind: "question", session: { ...session, deadline: session.deadline }, item, answered };
}
