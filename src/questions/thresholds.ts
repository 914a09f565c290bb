/**
 * Every bank-wide threshold in one place. What differs between exams (how long a stem or an option may
 * be, the exam's pace) lives in each track.yaml instead; these hold for every exam.
 */
export const bankThresholds = {
  /** Two stems whose word bigrams overlap this much (Jaccard) are one scenario written twice. */
  nearDuplicateStem: 0.7,
  /** Two decisions whose content words overlap this much (Jaccard) test the same thing. */
  nearDuplicateDecision: 0.7,
  /** The correct option may be strictly the longest in at most this share of an exam's single-answer questions… */
  longestCorrectShare: 0.35,
  /** …checked once an exam has this many single-answer questions (below it, chance decides the share). */
  longestCorrectMinQuestions: 10,
  /** In a single-answer question, the correct option is at most this many times the longest wrong one (characters). */
  correctToLongestWrong: 1.2,
  /** Choose-two questions of five options: with at least this many in an exam, every letter pair must occur… */
  pairSpreadMinQuestions: 20,
  /** …and no pair may answer more than this many times its fair share (total / 10). */
  pairMaxFairShare: 3,
  /** A phrase found in at least this share of an exam's questions is common vocabulary, not a giveaway. */
  commonPhraseShare: 0.05,
  /** Reading speed for the reading load in `questions:stats`. */
  readingWordsPerMinute: 200,
} as const;
