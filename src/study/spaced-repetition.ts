import { type Card, createEmptyCard, fsrs, Rating } from "ts-fsrs";

/** One answer a member gave to a question: a daily answer, a practice answer or a mock item. */
export interface Review {
  questionId: string;
  at: Date;
  correct: boolean;
}

/** Where a question stands for a member after replaying their answers through FSRS. */
export interface QuestionMemory {
  questionId: string;
  /** When FSRS would next ask it. */
  due: Date;
  /** FSRS's estimate, 0–1, that the member would answer it right now. */
  retrievability: number;
  /** The member's latest answer to it was wrong. */
  lastMissed: boolean;
  reviews: number;
}

// Fuzz off: the same history always gives the same schedule (and the tests can say what comes next).
// Short-term steps off: a question answered right comes back in days, not in ten minutes (a practice
// question is not a flashcard drilled in one sitting; missed ones are asked first anyway).
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

/**
 * Replays a member's answers (any order) through the FSRS scheduler, one card per question: a right
 * answer is graded Good, a wrong one Again. FSRS is ts-fsrs's; nothing here schedules by hand.
 */
export function rememberQuestions(reviews: readonly Review[], now: Date): Map<string, QuestionMemory> {
  const byQuestion = new Map<string, Review[]>();
  for (const review of reviews) {
    const list = byQuestion.get(review.questionId) ?? [];
    list.push(review);
    byQuestion.set(review.questionId, list);
  }
  const memories = new Map<string, QuestionMemory>();
  for (const [questionId, list] of byQuestion) {
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    let card: Card = createEmptyCard(list[0]?.at ?? now);
    for (const review of list) {
      card = scheduler.next(card, review.at, review.correct ? Rating.Good : Rating.Again).card;
    }
    memories.set(questionId, {
      questionId,
      due: card.due,
      retrievability: scheduler.get_retrievability(card, now, false),
      lastMissed: list.at(-1)?.correct === false,
      reviews: list.length,
    });
  }
  return memories;
}
