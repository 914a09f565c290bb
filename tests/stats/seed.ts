import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { parse } from "yaml";
import type { Db } from "../../src/db/client.js";
import {
  answers,
  domainStats,
  groupMembers,
  memberStats,
  periodScores,
  postings,
  questionRevisions,
  questions,
  quizChannels,
  studyGroups,
} from "../../src/db/schema.js";
import { type Track, trackSchema } from "../../src/questions/track.js";
import { applyMembership } from "../../src/stats/group-scores.js";

/** Rows as the closer leaves them, written directly: the stats read side is tested on its own. */

let nextId = 1_000_000;
/** A fresh snowflake-looking id, so tests on one database never share a server or a member. */
export function freshId(): string {
  nextId += 1;
  return `1${String(Date.now()).slice(-8)}${String(nextId).padStart(9, "0")}`;
}

export function loadTrack(exam: string): Track {
  return trackSchema.parse(parse(readFileSync(`questions/${exam}/track.yaml`, "utf8")));
}

export const tracks: ReadonlyMap<string, Track> = new Map(
  ["AIP-C01", "AIF-C01"].map((exam) => [exam, loadTrack(exam)]),
);

export interface Totals {
  points: number;
  answered?: number;
  streak?: number;
}

export async function seedMemberStats(db: Db, guildId: string, members: Record<string, Totals>) {
  await db.insert(memberStats).values(
    Object.entries(members).map(([userId, totals]) => ({
      guildId,
      userId,
      points: totals.points,
      correct: totals.points,
      answered: totals.answered ?? totals.points,
      currentStreak: totals.streak ?? 0,
      bestStreak: totals.streak ?? 0,
    })),
  );
}

export async function seedPeriodScores(
  db: Db,
  guildId: string,
  period: "week" | "month",
  startsOn: string,
  members: Record<string, number>,
) {
  await db.insert(periodScores).values(
    Object.entries(members).map(([userId, points]) => ({
      guildId,
      userId,
      period,
      startsOn,
      points,
      correct: points,
      answered: points + 1,
    })),
  );
}

export async function seedDomainStats(
  db: Db,
  guildId: string,
  userId: string,
  exam: string,
  perDomain: Record<number, [answered: number, correct: number]>,
) {
  await db.insert(domainStats).values(
    Object.entries(perDomain).map(([domain, [answered, correct]]) => ({
      guildId,
      userId,
      exam,
      domain: Number(domain),
      answered,
      correct,
    })),
  );
}

export async function seedGroup(db: Db, guildId: string, name: string, memberIds: string[], roleId?: string) {
  const [group] = await db
    .insert(studyGroups)
    .values({ guildId, name, nameKey: name.toLowerCase(), roleId: roleId ?? null, createdBy: "0" })
    .returning();
  if (!group) throw new Error("group insert returned nothing");
  if (memberIds.length > 0) {
    await db.insert(groupMembers).values(memberIds.map((userId) => ({ groupId: group.id, userId })));
    // As /group join leaves them: the members bring their totals to the group's maintained rows.
    await applyMembership(db, guildId, group.id, memberIds, 1);
  }
  return group;
}

export async function seedQuizChannel(db: Db, guildId: string, exam = "AIP-C01", timeZone = "UTC") {
  const [channel] = await db
    .insert(quizChannels)
    .values({ guildId, channelId: freshId(), exam, postTime: "09:00", timeZone })
    .returning();
  if (!channel) throw new Error("quiz channel insert returned nothing");
  return channel;
}

export function questionBody(id: string, exam = "AIP-C01") {
  return {
    id,
    exam,
    domain: 1,
    task: "1.4",
    type: "single" as const,
    difficulty: 2,
    stem: `Which store fits ${id}?`,
    options: { A: "Aurora pgvector", B: "DynamoDB", C: "S3 Vectors", D: "ElastiCache" },
    answer: ["A"],
    explanations: {
      A: "Aurora PostgreSQL with pgvector keeps vectors next to the relational data.",
      B: "DynamoDB has no vector search.",
      C: "S3 Vectors is for large cold indexes.",
      D: "ElastiCache is a cache.",
    },
    references: [
      "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.VectorDB.html",
    ],
    tags: [],
    added: "2026-01-01",
  };
}

export async function seedQuestion(db: Db, id: string, exam = "AIP-C01") {
  await db
    .insert(questions)
    .values({
      id,
      exam,
      number: sql`(select coalesce(max(number), 0) + 1 from questions where exam = ${exam})`,
      domain: 1,
      task: "1.4",
      contentHash: id,
      sourceFile: `${id}.yaml`,
    })
    .onConflictDoNothing();
  await db
    .insert(questionRevisions)
    .values({ questionId: id, revision: 1, contentHash: id, body: questionBody(id, exam) })
    .onConflictDoNothing();
}

/** A closed posting with the given answers ('' = every reaction removed); correct = choices "A". */
export async function seedClosedPosting(
  db: Db,
  quizChannelId: number,
  localDate: string,
  closedAt: string,
  questionId: string,
  answersByUser: Record<string, string>,
) {
  const [posting] = await db
    .insert(postings)
    .values({
      quizChannelId,
      localDate,
      sequence: 1,
      questionId,
      questionRevision: 1,
      answerSize: 1,
      messageId: freshId(),
      closesAt: new Date(closedAt),
      closedAt: new Date(closedAt),
    })
    .returning();
  if (!posting) throw new Error("posting insert returned nothing");
  const rows = Object.entries(answersByUser).map(([userId, choices]) => ({
    postingId: posting.id,
    userId,
    choices,
    correct: choices === "" ? null : choices === "A",
  }));
  if (rows.length > 0) await db.insert(answers).values(rows);
  return posting;
}
