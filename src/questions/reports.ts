import { and, count, countDistinct, desc, eq, max } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { questionReports, questions } from "../db/schema.js";

export const reportReasonLimit = 500;

export async function fileReport(
  db: Db,
  report: { guildId: string; questionId: string; userId: string; reason: string },
) {
  const [row] = await db.insert(questionReports).values(report).returning({ id: questionReports.id });
  return row?.id;
}

export interface ReportedQuestion {
  questionId: string;
  exam: string;
  number: number;
  count: number;
  latestAt: Date;
  /** The newest few reasons, newest first. */
  reasons: Array<{ userId: string; reason: string }>;
}

/** Open reports grouped by question, the most reported first, so one noisy member cannot bury the rest. */
export async function openReportsByQuestion(
  db: Db,
  guildId: string,
  limit = 10,
): Promise<ReportedQuestion[]> {
  const open = and(eq(questionReports.guildId, guildId), eq(questionReports.status, "open"));
  const grouped = await db
    .select({
      questionId: questionReports.questionId,
      exam: questions.exam,
      number: questions.number,
      count: count(),
      members: countDistinct(questionReports.userId),
      latestAt: max(questionReports.createdAt),
    })
    .from(questionReports)
    .innerJoin(questions, eq(questions.id, questionReports.questionId))
    .where(open)
    .groupBy(questionReports.questionId, questions.exam, questions.number)
    .orderBy(desc(countDistinct(questionReports.userId)), desc(max(questionReports.createdAt)))
    .limit(limit);
  return Promise.all(
    grouped.map(async ({ members: _members, latestAt, ...row }) => ({
      ...row,
      latestAt: latestAt ?? new Date(0),
      reasons: await db
        .select({ userId: questionReports.userId, reason: questionReports.reason })
        .from(questionReports)
        .where(and(open, eq(questionReports.questionId, row.questionId)))
        .orderBy(desc(questionReports.createdAt))
        .limit(3),
    })),
  );
}
