// Whether a member lets others in a server see their certifications. Private unless they share:
// one row per (member, server) they share in, so sharing in one server shows nothing in another.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { certificationShares } from "../db/schema.js";

export async function setSharing(
  db: Db,
  input: { userId: string; guildId: string; shared: boolean },
): Promise<void> {
  if (input.shared) {
    await db
      .insert(certificationShares)
      .values({ userId: input.userId, guildId: input.guildId })
      .onConflictDoNothing();
    return;
  }
  await db
    .delete(certificationShares)
    .where(and(eq(certificationShares.userId, input.userId), eq(certificationShares.guildId, input.guildId)));
}

export async function sharesIn(db: Db, userId: string, guildId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: certificationShares.userId })
    .from(certificationShares)
    .where(and(eq(certificationShares.userId, userId), eq(certificationShares.guildId, guildId)));
  return row !== undefined;
}
