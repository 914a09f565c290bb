import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { postings, questions } from "../db/schema.js";
import { type Candidate, chooseNextQuestion } from "./select.js";
import type { Track } from "./track.js";

/** The next question for a quiz channel, from the active questions of its track (see chooseNextQuestion). */
export async function nextQuestionFor(
  db: Db,
  quizChannelId: number,
  track: Track,
  random: () => number = Math.random,
): Promise<string | undefined> {
  const asked = db
    .select({ questionId: postings.questionId, times: count().as("times") })
    .from(postings)
    .where(eq(postings.quizChannelId, quizChannelId))
    .groupBy(postings.questionId)
    .as("asked");
  const rows = await db
    .select({
      id: questions.id,
      domain: questions.domain,
      timesAsked: sql`coalesce(${asked.times}, 0)`.mapWith(Number),
    })
    .from(questions)
    .leftJoin(asked, eq(asked.questionId, questions.id))
    .where(and(eq(questions.exam, track.exam), eq(questions.active, true)));
  const perDomain = await db
    .select({ domain: questions.domain, times: count() })
    .from(postings)
    .innerJoin(questions, eq(questions.id, postings.questionId))
    .where(and(eq(postings.quizChannelId, quizChannelId), eq(questions.exam, track.exam)))
    .groupBy(questions.domain);
  const candidates: Candidate[] = rows;
  const askedPerDomain = new Map(perDomain.map((row) => [row.domain, row.times]));
  const weights = new Map(track.domains.map((domain) => [domain.number, domain.weight]));
  return chooseNextQuestion(candidates, askedPerDomain, weights, random);
}
