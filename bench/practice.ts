// Practice and mock clicks at 100 concurrent members: each click's database work, from the click's
// arrival to the content of the message update, through the same core functions the buttons call
// (src/study/). Discord's own round trips (defer, edit) are not included.
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { pino } from "pino";
import postgres from "postgres";
import type { AppContext } from "../src/context.js";
import type { Database, Db } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";
import * as schema from "../src/db/schema.js";
import { loadQuestionBank } from "../src/questions/load-bank.js";
import { syncQuestionBank } from "../src/questions/sync.js";
import { goToMockQuestion, pickMockLetter, startMock } from "../src/study/mock-exam.js";
import {
  nextPracticeQuestion,
  type PracticeView,
  pickPracticeLetter,
  startPractice,
  submitPracticeAnswer,
} from "../src/study/practice.js";
import type { Timing } from "./measure.js";

export const practiceScale = {
  members: 100,
  rounds: 10,
  dailyHistory: 300,
  guild: "950000000000000001",
} as const;

export interface ClickRow {
  click: string;
  timing: Timing;
  /** SQL statements one click runs (measured with one member clicking alone). */
  queries: number;
  /** Median of a few clicks by one member alone, for comparison with the 100 at once. */
  aloneMs: number;
}

/** A database whose statements are counted, so the bench can say how many queries a click costs. */
export async function countingDatabase(kind: "postgres" | "pglite", url?: string) {
  const counter = { queries: 0 };
  const logger = {
    logQuery: () => {
      counter.queries += 1;
    },
  };
  let database: Database;
  if (kind === "postgres") {
    const client = postgres(url ?? "", { max: 10, onnotice: () => {} });
    database = {
      db: drizzlePostgres({ client, schema, logger }) as unknown as Db,
      kind,
      close: () => client.end(),
    };
  } else {
    const client = await PGlite.create("memory://");
    database = {
      db: drizzlePglite({ client, schema, logger }) as unknown as Db,
      kind,
      close: () => client.close(),
    };
  }
  return { database, counter };
}

const member = (index: number) => String(960_000_000_000_000_000n + BigInt(index));

/** The question bank, and a daily history per member (300 closed AIP-C01 postings, ~65 % right) plus one open posting. */
async function seedPractice(db: Db) {
  const bank = await loadQuestionBank("questions");
  await syncQuestionBank(db, bank.questions);
  const s = practiceScale;
  for (const statement of [
    sql`insert into quiz_channels (guild_id, channel_id, exam, post_time, time_zone)
        values (${s.guild}, '951000000000000001', 'AIP-C01', '09:00', 'UTC')`,
    sql`insert into postings (quiz_channel_id, local_date, sequence, question_id, question_revision, answer_size, message_id, closes_at, closed_at)
        select c.id, date '2025-01-01' + n, n + 1, q.id, q.revision, 1, (952000000000000000 + n)::text,
          timestamp '2025-01-02' + n * interval '1 day', case when n < ${s.dailyHistory} then timestamp '2025-01-02' + n * interval '1 day' end
        from quiz_channels c cross join generate_series(0, ${s.dailyHistory}) n
          join lateral (select id, revision from questions where exam = 'AIP-C01' order by md5(id || n) limit 1) q on true
        where c.guild_id = ${s.guild}`,
    sql`insert into answers (posting_id, user_id, choices, correct)
        select p.id, (960000000000000000 + m)::text, 'A', (hashtext(p.id || ':' || m) % 100 + 100) % 100 < 65
        from postings p join quiz_channels c on c.id = p.quiz_channel_id cross join generate_series(0, ${s.members - 1}) m
        where c.guild_id = ${s.guild} and p.closed_at is not null`,
    sql`vacuum analyze`,
  ])
    await db.execute(statement);
  return bank.tracks;
}

/** Runs `round` for every member at once, `rounds` times; each click inside is timed with `timed`. */
async function concurrently(round: (index: number) => Promise<unknown>): Promise<void> {
  await Promise.all(Array.from({ length: practiceScale.members }, (_, index) => round(index)));
}

async function timed<T>(samples: number[], click: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await click();
  samples.push(performance.now() - started);
  return result;
}

const percentile = (sorted: number[], share: number) =>
  sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
const timing = (samples: number[]): Timing => ({
  runs: samples.length,
  p50: percentile(samples, 0.5),
  p95: percentile(samples, 0.95),
});

/** Times answer, Next and mock clicks with 100 members clicking at once on one database. */
export async function benchPracticeClicks(
  database: Database,
  counter: { queries: number },
): Promise<ClickRow[]> {
  await applyMigrations(database);
  const tracks = await seedPractice(database.db);
  const track = tracks.get("AIP-C01");
  if (!track) throw new Error("questions/AIP-C01 is missing");
  const ctx = {
    db: database.db,
    tracks,
    clock: { now: () => new Date() },
    log: pino({ level: "silent" }),
  } as unknown as AppContext;
  const clicker = (index: number) => ({ guildId: practiceScale.guild, userId: member(index) });
  const views: PracticeView[] = await Promise.all(
    Array.from({ length: practiceScale.members }, (_, index) =>
      startPractice(ctx, { ...clicker(index), track, domain: null, size: 50 }).then((view) => {
        if (!view) throw new Error("no practice question");
        return view;
      }),
    ),
  );
  const sessionOf = (index: number) => views[index]?.session.id ?? 0;
  const positions = new Map<number, number>();
  const position = (index: number) => positions.get(index) ?? 1;
  const measureOne = async (click: () => Promise<unknown>) => {
    counter.queries = 0;
    await click();
    return counter.queries;
  };
  /** One member clicking alone, `runs` times: the median latency. */
  const alone = async (runs: number, click: (samples: number[]) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let run = 0; run < runs; run += 1) await click(samples);
    return percentile(
      samples.sort((a, b) => a - b),
      0.5,
    );
  };

  const answers: number[] = [];
  const nexts: number[] = [];
  /** A single answer is one click; a choose-two is three (two letters, then Submit), each timed. */
  const answer = async (index: number, samples: number[] = answers) => {
    const [session, at] = [sessionOf(index), position(index)];
    let outcome = await timed(samples, () => pickPracticeLetter(ctx, clicker(index), session, at, "A"));
    if (outcome.kind === "ok" && outcome.view.kind === "question" && !outcome.view.item.answeredAt) {
      outcome = await timed(samples, () => pickPracticeLetter(ctx, clicker(index), session, at, "B"));
      await timed(samples, () => submitPracticeAnswer(ctx, clicker(index), session, at));
    }
  };
  const next = async (index: number, samples: number[] = nexts) => {
    await timed(samples, () => nextPracticeQuestion(ctx, clicker(index), sessionOf(index), position(index)));
    positions.set(index, position(index) + 1);
  };
  // Member 0's first answer and Next, alone, count the statements of one click.
  const answerQueries = await measureOne(() => answer(0, []));
  const nextQueries = await measureOne(() => next(0, []));
  const aloneAnswer: number[] = [];
  const aloneNext: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    await answer(0, aloneAnswer);
    await next(0, aloneNext);
  }
  for (let round = 0; round < practiceScale.rounds; round += 1) {
    await concurrently((index) => answer(index));
    await concurrently((index) => next(index));
  }

  const mocks = await Promise.all(
    Array.from({ length: practiceScale.members }, (_, index) => startMock(ctx, clicker(index), track, 65)),
  );
  const mockOf = (index: number) => {
    const started = mocks[index];
    return started?.kind === "started" && started.view.kind === "question" ? started.view.session.id : 0;
  };
  const mockPositions = new Map<number, number>();
  const mockAt = (index: number) => mockPositions.get(index) ?? 1;
  const picks: number[] = [];
  const moves: number[] = [];
  const mockPick = (index: number, samples = picks) =>
    timed(samples, () => pickMockLetter(ctx, clicker(index), mockOf(index), mockAt(index), "A"));
  const mockNext = async (index: number, samples = moves) => {
    await timed(samples, () =>
      goToMockQuestion(ctx, clicker(index), mockOf(index), mockAt(index), mockAt(index) + 1),
    );
    mockPositions.set(index, mockAt(index) + 1);
  };
  const mockPickQueries = await measureOne(() => mockPick(0, []));
  const mockNextQueries = await measureOne(() => mockNext(0, []));
  const alonePick = await alone(5, (samples) => mockPick(0, samples));
  const aloneMove = await alone(5, (samples) => mockNext(0, samples));
  for (let round = 0; round < practiceScale.rounds; round += 1) {
    await concurrently((index) => mockPick(index));
    await concurrently((index) => mockNext(index));
  }
  const sorted = (samples: number[]) => samples.sort((a, b) => a - b);
  return [
    {
      click: "practice answer",
      timing: timing(sorted(answers)),
      queries: answerQueries,
      aloneMs: percentile(sorted(aloneAnswer), 0.5),
    },
    {
      click: "practice Next",
      timing: timing(sorted(nexts)),
      queries: nextQueries,
      aloneMs: percentile(sorted(aloneNext), 0.5),
    },
    {
      click: "mock pick (65 questions)",
      timing: timing(sorted(picks)),
      queries: mockPickQueries,
      aloneMs: alonePick,
    },
    {
      click: "mock Next (65 questions)",
      timing: timing(sorted(moves)),
      queries: mockNextQueries,
      aloneMs: aloneMove,
    },
  ];
}
