// Recording an exam pass: the passed certification and everything it renews move together, in one
// transaction, so a member never sees half a renewal.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { memberCertifications } from "../db/schema.js";
import { applyPass, type CalendarDate, type PassOutcome, resolveCertification } from "../renewal/index.js";
import { parsePastDate } from "./dates.js";
import { rememberReminderGuild } from "./member-settings.js";
import type { InputProblem } from "./problems.js";

export type RecordedPass = Extract<PassOutcome, { kind: "applied" }>;
export type RecordPassOutcome = RecordedPass | InputProblem;

export async function recordPass(
  db: Db,
  input: { userId: string; guildId: string | null; code: string; date: string; today: CalendarDate },
): Promise<RecordPassOutcome> {
  const found = resolveCertification(input.code);
  if (found.kind === "unknown") return found;
  const date = parsePastDate(input.date, input.today);
  if (date.kind !== "date") return date;
  return db.transaction(async (tx) => {
    // Locking the member's rows makes two passes recorded at once apply one after the other.
    const held = await tx
      .select({
        code: memberCertifications.certCode,
        earnedOn: memberCertifications.earnedOn,
        expiresOn: memberCertifications.expiresOn,
      })
      .from(memberCertifications)
      .where(eq(memberCertifications.userId, input.userId))
      .for("update");
    const outcome = applyPass(held, found.cert.code, date.date);
    if (outcome.kind !== "applied") {
      if (outcome.kind === "exam-retired") return outcome;
      // The code and the date were checked above, so anything else is a bug.
      throw new Error(`applyPass refused checked input: ${outcome.kind}`);
    }
    const changed = new Set(outcome.changes.map((change) => change.code));
    for (const cert of outcome.held.filter((h) => changed.has(h.code))) {
      await tx
        .insert(memberCertifications)
        .values({
          userId: input.userId,
          certCode: cert.code,
          earnedOn: cert.earnedOn,
          expiresOn: cert.expiresOn,
        })
        .onConflictDoUpdate({
          target: [memberCertifications.userId, memberCertifications.certCode],
          set: { earnedOn: cert.earnedOn, expiresOn: cert.expiresOn },
        });
    }
    if (input.guildId) await rememberReminderGuild(tx, input.userId, input.guildId);
    return outcome;
  });
}
