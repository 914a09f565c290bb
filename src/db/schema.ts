import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** Per-server settings. */
export const guildSettings = pgTable("guild_settings", {
  guildId: text("guild_id").primaryKey(),
  /** IANA zone for weeks and months in leaderboards, set with /settings; unset: the first quiz channel's. */
  timeZone: text("time_zone"),
  /** Where certification reminders go when a member's DMs are closed. */
  reminderChannelId: text("reminder_channel_id"),
  createdAt: createdAt(),
});

/** A channel that receives a daily question. */
export const quizChannels = pgTable(
  "quiz_channels",
  {
    id: serial("id").primaryKey(),
    guildId: text("guild_id").notNull(),
    channelId: text("channel_id").notNull(),
    exam: text("exam").notNull(),
    /** Local time of day, HH:MM, in timeZone. */
    postTime: text("post_time").notNull(),
    timeZone: text("time_zone").notNull(),
    /** ISO weekdays the question is posted on, 1 = Monday … 7 = Sunday. */
    weekdays: smallint("weekdays").array().notNull().default(sql`'{1,2,3,4,5,6,7}'::smallint[]`),
    windowHours: integer("window_hours").notNull().default(24),
    answerPolicy: text("answer_policy", { enum: ["first", "last"] })
      .notNull()
      .default("last"),
    hiddenAnswers: boolean("hidden_answers").notNull().default(false),
    paused: boolean("paused").notNull().default(false),
    /** Set up or resumed at: an occurrence that opened before this is never posted. */
    activeSince: timestamp("active_since", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    /** Consecutive failed attempts, for backoff between ticks. */
    failures: integer("failures").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("quiz_channels_channel_uq").on(t.channelId),
    index("quiz_channels_guild_idx").on(t.guildId),
  ],
);

/** The current revision of each question, synced from questions/. */
export const questions = pgTable(
  "questions",
  {
    id: text("id").primaryKey(),
    exam: text("exam").notNull(),
    domain: smallint("domain").notNull(),
    task: text("task").notNull(),
    /** The public number members see ("AIP-C01 #42"), given in order of arrival within the exam. */
    number: integer("number").notNull(),
    revision: integer("revision").notNull().default(1),
    contentHash: text("content_hash").notNull(),
    active: boolean("active").notNull().default(true),
    sourceFile: text("source_file").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("questions_exam_idx").on(t.exam, t.active),
    uniqueIndex("questions_exam_number_uq").on(t.exam, t.number),
  ],
);

/**
 * The fingerprint of the question bank (its files and the code that validates them) as last synced: a
 * start whose bank has the same fingerprint skips loading, checking and syncing it.
 */
export const questionBankSyncs = pgTable("question_bank_syncs", {
  folder: text("folder").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  syncedAt: timestamp("synced_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

/** Every revision of every question: an answer is always scored against the text that was posted. */
export const questionRevisions = pgTable(
  "question_revisions",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => questions.id),
    revision: integer("revision").notNull(),
    contentHash: text("content_hash").notNull(),
    /** The validated question (stem, options, answer, explanations, references, …). */
    body: jsonb("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.revision] })],
);

/** One question posted in one quiz channel on one local date. The unique key is the claim. */
export const postings = pgTable(
  "postings",
  {
    id: serial("id").primaryKey(),
    quizChannelId: integer("quiz_channel_id")
      .notNull()
      .references(() => quizChannels.id, { onDelete: "cascade" }),
    localDate: date("local_date").notNull(),
    /** 1, 2, 3 … within the quiz channel. */
    sequence: integer("sequence").notNull(),
    questionId: text("question_id").notNull(),
    questionRevision: integer("question_revision").notNull(),
    /** How many letters make a complete answer: 1, or the question's "choose N". */
    answerSize: smallint("answer_size").notNull(),
    messageId: text("message_id"),
    claimedAt: createdAt(),
    /** Lease on sending the question: another process leaves it alone while the lease is fresh. */
    sendingSince: timestamp("sending_since", { withTimezone: true }),
    /** Lease on sending the reveal, for the same reason. */
    revealingSince: timestamp("revealing_since", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    revealMessageId: text("reveal_message_id"),
    /** Set once the reveal has been sent, so a restart never sends it twice. */
    revealedAt: timestamp("revealed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("postings_channel_date_uq").on(t.quizChannelId, t.localDate),
    uniqueIndex("postings_message_uq").on(t.messageId),
    index("postings_open_idx").on(t.closedAt, t.closesAt),
  ],
);

/** A member's answer to a posting: one row, upserted on every reaction change. */
export const answers = pgTable(
  "answers",
  {
    postingId: integer("posting_id")
      .notNull()
      .references(() => postings.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    /** Sorted option letters, e.g. "AC"; empty when every answer reaction was removed. */
    choices: text("choices").notNull(),
    firstAnsweredAt: timestamp("first_answered_at", { withTimezone: true }).notNull().defaultNow(),
    lastAnsweredAt: timestamp("last_answered_at", { withTimezone: true }).notNull().defaultNow(),
    /** Hidden answers: letters whose reaction the bot has seen added and not yet seen removed. */
    held: text("held").notNull().default(""),
    /** Under the "first" policy: the first complete answer locks. */
    locked: boolean("locked").notNull().default(false),
    /** Set when the posting closes. */
    correct: boolean("correct"),
  },
  (t) => [primaryKey({ columns: [t.postingId, t.userId] }), index("answers_user_idx").on(t.userId)],
);

/** All-time totals of a member in a server, maintained when a posting closes. */
export const memberStats = pgTable(
  "member_stats",
  {
    guildId: text("guild_id").notNull(),
    userId: text("user_id").notNull(),
    points: integer("points").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    correct: integer("correct").notNull().default(0),
    currentStreak: integer("current_streak").notNull().default(0),
    bestStreak: integer("best_streak").notNull().default(0),
    lastAnsweredOn: date("last_answered_on"),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.userId] }),
    index("member_stats_points_idx").on(t.guildId, t.points),
    /** Group standings read points by member: this lets them do so from the index alone. */
    index("member_stats_member_points_idx").on(t.guildId, t.userId, t.points, t.answered),
  ],
);

/** A member's run of correct answers in one quiz channel: a wrong or missed question ends it. */
export const channelStreaks = pgTable(
  "channel_streaks",
  {
    quizChannelId: integer("quiz_channel_id")
      .notNull()
      .references(() => quizChannels.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    current: integer("current").notNull().default(0),
    best: integer("best").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.quizChannelId, t.userId] })],
);

/** Points per member per week or month (in the server's zone), for period leaderboards. */
export const periodScores = pgTable(
  "period_scores",
  {
    guildId: text("guild_id").notNull(),
    userId: text("user_id").notNull(),
    period: text("period", { enum: ["week", "month"] }).notNull(),
    /** First local date of the week (Monday) or month. */
    startsOn: date("starts_on").notNull(),
    points: integer("points").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    correct: integer("correct").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.guildId, t.period, t.startsOn, t.userId] }),
    index("period_scores_rank_idx").on(t.guildId, t.period, t.startsOn, t.points),
  ],
);

/** Answers and correct answers per exam domain, for weak-domain and readiness estimates. */
export const domainStats = pgTable(
  "domain_stats",
  {
    guildId: text("guild_id").notNull(),
    userId: text("user_id").notNull(),
    exam: text("exam").notNull(),
    domain: smallint("domain").notNull(),
    answered: integer("answered").notNull().default(0),
    correct: integer("correct").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId, t.exam, t.domain] })],
);

export const studyGroups = pgTable(
  "study_groups",
  {
    id: serial("id").primaryKey(),
    guildId: text("guild_id").notNull(),
    name: text("name").notNull(),
    /** Lower-cased name: group names are unique per server regardless of case. */
    nameKey: text("name_key").notNull(),
    /** Members of this role count as members of the group. */
    roleId: text("role_id"),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("study_groups_name_uq").on(t.guildId, t.nameKey)],
);

export const groupMembers = pgTable(
  "group_members",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => studyGroups.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    joinedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    /** The closer finds the groups of each member it scores. */
    index("group_members_user_idx").on(t.userId),
  ],
);

/**
 * Totals of a group's EXPLICIT members (group_members, not role holders) per period: for every key,
 * the sum of their member_stats ('all', starts_on = 1970-01-01) or period_scores (same period and
 * starts_on) rows, and how many of them answered at least once. Maintained by the closer and on join,
 * leave and delete (src/stats/group-scores.ts); `members` counts the explicit members on the 'all' row.
 */
export const groupPeriodScores = pgTable(
  "group_period_scores",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => studyGroups.id, { onDelete: "cascade" }),
    period: text("period", { enum: ["all", "week", "month"] }).notNull(),
    startsOn: date("starts_on").notNull(),
    points: integer("points").notNull().default(0),
    active: integer("active").notNull().default(0),
    members: integer("members").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.period, t.startsOn] })],
);

/** A member's certifications: personal, so kept per user rather than per server. */
export const memberCertifications = pgTable(
  "member_certifications",
  {
    userId: text("user_id").notNull(),
    certCode: text("cert_code").notNull(),
    earnedOn: date("earned_on").notNull(),
    expiresOn: date("expires_on").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.certCode] }),
    index("member_certifications_expiry_idx").on(t.expiresOn),
  ],
);

export const memberSettings = pgTable("member_settings", {
  userId: text("user_id").primaryKey(),
  /** Expiry reminders are sent only to members who turned them on (/certs reminders). */
  remindersEnabled: boolean("reminders_enabled").notNull().default(false),
  /** The server whose reminder channel is used when DMs are closed. */
  reminderGuildId: text("reminder_guild_id"),
});

/** A member lets others in one server see their certifications (/certs share); no row: private. */
export const certificationShares = pgTable(
  "certification_shares",
  {
    userId: text("user_id").notNull(),
    guildId: text("guild_id").notNull(),
    sharedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.guildId] })],
);

/** A reminder is recorded here before it is sent: the key makes it once-only across restarts. */
export const certificationReminders = pgTable(
  "certification_reminders",
  {
    userId: text("user_id").notNull(),
    certCode: text("cert_code").notNull(),
    expiresOn: date("expires_on").notNull(),
    daysBefore: integer("days_before").notNull(),
    claimedAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.certCode, t.expiresOn, t.daysBefore] })],
);

export const questionReports = pgTable(
  "question_reports",
  {
    id: serial("id").primaryKey(),
    guildId: text("guild_id").notNull(),
    questionId: text("question_id").notNull(),
    userId: text("user_id").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: ["open", "resolved"] })
      .notNull()
      .default("open"),
    createdAt: createdAt(),
  },
  (t) => [index("question_reports_open_idx").on(t.guildId, t.status)],
);

// --- Practice sessions and mock exams (src/study/) ---------------------------------------------------

/**
 * A member's private practice session or timed mock exam in one server. State lives here, not in memory or
 * in a Discord message: every button click is checked against it, and an attempt survives a restart.
 * One active mock per member (a partial unique index); starting a practice session stops the previous one.
 */
export const studySessions = pgTable(
  "study_sessions",
  {
    id: serial("id").primaryKey(),
    guildId: text("guild_id").notNull(),
    userId: text("user_id").notNull(),
    kind: text("kind", { enum: ["practice", "mock"] }).notNull(),
    exam: text("exam").notNull(),
    /** Practice limited to one exam domain; null for every domain. */
    domain: smallint("domain"),
    /** Questions planned: practice stops after this many, a mock has exactly this many. */
    size: integer("size").notNull(),
    status: text("status", { enum: ["active", "finished", "stopped"] })
      .notNull()
      .default("active"),
    /** The question on screen, 1-based. */
    position: integer("position").notNull().default(1),
    /** Since when the question on screen has been shown: its time is added to the item when it is left. */
    viewedSince: timestamp("viewed_since", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    /** A mock's end (start + 2.4 minutes a question); null for practice. */
    deadline: timestamp("deadline", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** A finished mock's projected scaled score and its 95 % margin. */
    projectedScore: integer("projected_score"),
    projectedMargin: integer("projected_margin"),
  },
  (t) => [
    uniqueIndex("study_sessions_one_active_uq")
      .on(t.guildId, t.userId, t.kind)
      .where(sql`${t.status} = 'active'`),
    index("study_sessions_member_idx").on(t.guildId, t.userId, t.startedAt),
    index("study_sessions_deadline_idx").on(t.deadline).where(sql`${t.status} = 'active'`),
  ],
);

/** One question of a session, in order: the revision shown, the member's answer and the time spent on it. */
export const studyItems = pgTable(
  "study_items",
  {
    sessionId: integer("session_id")
      .notNull()
      .references(() => studySessions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    questionId: text("question_id").notNull(),
    questionRevision: integer("question_revision").notNull(),
    domain: smallint("domain").notNull(),
    /** How many letters make a complete answer: 1, or the question's "choose N". */
    answerSize: smallint("answer_size").notNull(),
    /** Why practice chose it (missed, due, weak-domain, repeat); null for a mock item. */
    reason: text("reason"),
    /** Sorted letters picked so far (a mock answer, or a choose-N practice answer before Submit). */
    choices: text("choices").notNull().default(""),
    /** Set when the answer counts: a practice answer on submit, every mock item at the end. */
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    correct: boolean("correct"),
    secondsSpent: integer("seconds_spent").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.position] })],
);

/**
 * A server that removed the bot (GUILD_DELETE without `unavailable`): its data is deleted once
 * `purge_after` passes (GUILD_DATA_RETENTION_DAYS), unless the bot is added back first (row deleted).
 */
export const guildDepartures = pgTable("guild_departures", {
  guildId: text("guild_id").primaryKey(),
  leftAt: timestamp("left_at", { withTimezone: true }).notNull(),
  purgeAfter: timestamp("purge_after", { withTimezone: true }).notNull(),
});
