import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { postings } from "../../src/db/schema.js";
import type { Member } from "../../src/discord-server/index.js";
import { findQuestion } from "../../src/questions/find-question.js";
import type { Letter } from "../../src/questions/question.js";
import type { TestWorld } from "./bot.js";

/** The answer emoji by letter, as members click them. */
export const answerEmoji: Record<string, string> = { A: "🇦", B: "🇧", C: "🇨", D: "🇩", E: "🇪", F: "🇫" };

export interface PostedQuestion {
  channelId: string;
  messageId: string;
  postingId: number;
  /** The answer key's letters, sorted. */
  key: Letter[];
  /** Runs `/quiz <sub>` in the channel as the admin. */
  run(sub: string, extra?: Record<string, string | number | boolean>): ReturnType<Member["runCommand"]>;
}

/**
 * A new quiz channel set up by `admin` with its question posted now (every answer reaction on), as an
 * organiser would start one: returns where it is and its answer key.
 */
export async function postQuestionNow(
  world: TestWorld,
  admin: Member,
  name: string,
  options: Record<string, string | number | boolean>,
): Promise<PostedQuestion> {
  const channelId = world.guild.createTextChannel({ name }).id;
  const run = (sub: string, extra = {}) => admin.runCommand(world.guild.id, channelId, `quiz ${sub}`, extra);
  const setup = await run("setup", { channel: channelId, time: "09:00", timezone: "UTC", ...options });
  expect(setup.content).toContain("Set up");
  expect((await run("post-now")).content).toContain("Posted today's question");
  const message = await world.server.nextMessage(channelId);
  const [row] = await world.database.db.select().from(postings).where(eq(postings.messageId, message.id));
  const stored = row && (await findQuestion(world.database.db, row.questionId));
  if (!row || !stored) throw new Error("no posting");
  await expect
    .poll(() => world.server.message(message.id)?.reactions.length)
    .toBe(Object.keys(stored.question.options).length);
  return { channelId, messageId: message.id, postingId: row.id, key: stored.question.answer, run };
}
