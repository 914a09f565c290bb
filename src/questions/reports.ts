import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { questionReports } from "../db/schema.js";

export const reportReasonLimit = 500;

export async function fileReport(
  db: Db,
  report: { guildId: string; questionId: string; userId: string; reason: string },
) {
  const [row] = await db.insert(questionReports).values(report).returning({ id: questionReports.id });
  return row?.id;
}

export async function listOpenReports(db: Db, guildId: string, limit = 20) {
  return db
    .select()
    .from(questionReports)
    .where(and(eq(questionReports.guildId, guildId), eq(questionReports.status, "open")))
    .orderBy(desc(questionReports.createdAt))
    .limit(limit);
}
