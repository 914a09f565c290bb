CREATE TABLE "answers" (
	"posting_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"choices" text NOT NULL,
	"first_answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"correct" boolean,
	CONSTRAINT "answers_posting_id_user_id_pk" PRIMARY KEY("posting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "certification_reminders" (
	"user_id" text NOT NULL,
	"cert_code" text NOT NULL,
	"expires_on" date NOT NULL,
	"days_before" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "certification_reminders_user_id_cert_code_expires_on_days_before_pk" PRIMARY KEY("user_id","cert_code","expires_on","days_before")
);
--> statement-breakpoint
CREATE TABLE "channel_streaks" (
	"quiz_channel_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"current" integer DEFAULT 0 NOT NULL,
	"best" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "channel_streaks_quiz_channel_id_user_id_pk" PRIMARY KEY("quiz_channel_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "domain_stats" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"exam" text NOT NULL,
	"domain" smallint NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "domain_stats_guild_id_user_id_exam_domain_pk" PRIMARY KEY("guild_id","user_id","exam","domain")
);
--> statement-breakpoint
CREATE TABLE "group_members" (
	"group_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "group_period_scores" (
	"group_id" integer NOT NULL,
	"period" text NOT NULL,
	"starts_on" date NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "group_period_scores_group_id_period_starts_on_pk" PRIMARY KEY("group_id","period","starts_on")
);
--> statement-breakpoint
CREATE TABLE "guild_settings" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"time_zone" text,
	"reminder_channel_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_certifications" (
	"user_id" text NOT NULL,
	"cert_code" text NOT NULL,
	"earned_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_certifications_user_id_cert_code_pk" PRIMARY KEY("user_id","cert_code")
);
--> statement-breakpoint
CREATE TABLE "member_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"reminders_enabled" boolean DEFAULT true NOT NULL,
	"reminder_guild_id" text
);
--> statement-breakpoint
CREATE TABLE "member_stats" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	"current_streak" integer DEFAULT 0 NOT NULL,
	"best_streak" integer DEFAULT 0 NOT NULL,
	"last_answered_on" date,
	CONSTRAINT "member_stats_guild_id_user_id_pk" PRIMARY KEY("guild_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "period_scores" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"period" text NOT NULL,
	"starts_on" date NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "period_scores_guild_id_period_starts_on_user_id_pk" PRIMARY KEY("guild_id","period","starts_on","user_id")
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"id" serial PRIMARY KEY NOT NULL,
	"quiz_channel_id" integer NOT NULL,
	"local_date" date NOT NULL,
	"sequence" integer NOT NULL,
	"question_id" text NOT NULL,
	"question_revision" integer NOT NULL,
	"answer_size" smallint NOT NULL,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sending_since" timestamp with time zone,
	"revealing_since" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"reveal_message_id" text,
	"revealed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "question_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"question_id" text NOT NULL,
	"user_id" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_revisions" (
	"question_id" text NOT NULL,
	"revision" integer NOT NULL,
	"content_hash" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_revisions_question_id_revision_pk" PRIMARY KEY("question_id","revision")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" text PRIMARY KEY NOT NULL,
	"exam" text NOT NULL,
	"domain" smallint NOT NULL,
	"task" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"content_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"source_file" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_channels" (
	"id" serial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"exam" text NOT NULL,
	"post_time" text NOT NULL,
	"time_zone" text NOT NULL,
	"weekdays" smallint[] DEFAULT '{1,2,3,4,5,6,7}'::smallint[] NOT NULL,
	"window_hours" integer DEFAULT 24 NOT NULL,
	"answer_policy" text DEFAULT 'last' NOT NULL,
	"hidden_answers" boolean DEFAULT false NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"role_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_streaks" ADD CONSTRAINT "channel_streaks_quiz_channel_id_quiz_channels_id_fk" FOREIGN KEY ("quiz_channel_id") REFERENCES "public"."quiz_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_study_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."study_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_period_scores" ADD CONSTRAINT "group_period_scores_group_id_study_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."study_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_quiz_channel_id_quiz_channels_id_fk" FOREIGN KEY ("quiz_channel_id") REFERENCES "public"."quiz_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_revisions" ADD CONSTRAINT "question_revisions_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answers_user_idx" ON "answers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "group_members_user_idx" ON "group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "member_certifications_expiry_idx" ON "member_certifications" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "member_stats_points_idx" ON "member_stats" USING btree ("guild_id","points");--> statement-breakpoint
CREATE INDEX "member_stats_member_points_idx" ON "member_stats" USING btree ("guild_id","user_id","points","answered");--> statement-breakpoint
CREATE INDEX "period_scores_rank_idx" ON "period_scores" USING btree ("guild_id","period","starts_on","points");--> statement-breakpoint
CREATE UNIQUE INDEX "postings_channel_date_uq" ON "postings" USING btree ("quiz_channel_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "postings_message_uq" ON "postings" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "postings_open_idx" ON "postings" USING btree ("closed_at","closes_at");--> statement-breakpoint
CREATE INDEX "question_reports_open_idx" ON "question_reports" USING btree ("guild_id","status");--> statement-breakpoint
CREATE INDEX "questions_exam_idx" ON "questions" USING btree ("exam","active");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_channels_channel_uq" ON "quiz_channels" USING btree ("channel_id");--> statement-breakpoint
CREATE INDEX "quiz_channels_guild_idx" ON "quiz_channels" USING btree ("guild_id");--> statement-breakpoint
CREATE UNIQUE INDEX "study_groups_name_uq" ON "study_groups" USING btree ("guild_id","name_key");