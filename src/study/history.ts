import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows } from "../db/rows.js";
import { answers, postings, questions, quizChannels, studyItems, studySessions } from "../db/schema.js";
import type { DomainTally } from "../stats/readiness.js";
import type { Review } from "./spaced-repetition.js";

export interface MemberHistory {
  reviews: Review[];
  /** The same answers per exam domain. */
  tallies: DomainTally[];
}

/**
 * Every scored answer a member gave to one exam's questions in one server: daily answers (closed
 * postings) and practice and mock answers. One query, read through answers_user_idx and
 * study_sessions_member_idx.
 */
export async function memberHistory(
  db: Db,
  guildId: string,
  userId: string,
  exam: string,
): Promise<MemberHistory> {
  const rows = await queryRows<{ question_id: string; domain: unknown; at: unknown; correct: boolean }>(
    db,
    sql`select ${postings.questionId} as question_id, ${questions.domain} as domain, ${answers.lastAnsweredAt} as at,
          ${answers.correct} as correct
        from ${answers}
          join ${postings} on ${postings.id} = ${answers.postingId}
          join ${quizChannels} on ${quizChannels.id} = ${postings.quizChannelId}
          join ${questions} on ${questions.id} = ${postings.questionId}
        where ${answers.userId} = ${userId} and ${quizChannels.guildId} = ${guildId} and ${questions.exam} = ${exam}
          and ${answers.correct} is not null and ${answers.choices} <> ''
      union all
      select ${studyItems.questionId}, ${studyItems.domain}, ${studyItems.answeredAt}, ${studyItems.correct}
        from ${studyItems} join ${studySessions} on ${studySessions.id} = ${studyItems.sessionId}
        where ${studySessions.guildId} = ${guildId} and ${studySessions.userId} = ${userId} and ${studySessions.exam} = ${exam}
          and ${studyItems.answeredAt} is not null and ${studyItems.correct} is not null`,
  );
  const reviews = rows.map((row) => ({
    questionId: row.question_id,
    at: new Date(row.at as string),
    correct: row.correct,
  }));
  const perDomain = new Map<number, DomainTally>();
  for (const row of rows) {
    const domain = Number(row.domain);
    const tally = perDomain.get(domain) ?? { domain, answered: 0, correct: 0 };
    tally.answered += 1;
    tally.correct += row.correct ? 1 : 0;
    perDomain.set(domain, tally);
  }
  return { reviews, tallies: [...perDomain.values()] };
}

/** Questions open as a daily question in the server right now: never offered in practice or a mock. */
export function openDailyQuestionIds(guildId: string) {
  return sql`(select ${postings.questionId} from ${postings} join ${quizChannels} on ${quizChannels.id} = ${postings.quizChannelId}
    where ${quizChannels.guildId} = ${guildId} and ${postings.closedAt} is null)`;
}
