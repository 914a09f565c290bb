CREATE TABLE "study_items" (
	"session_id" integer NOT NULL,
	"position" integer NOT NULL,
	"question_id" text NOT NULL,
	"question_revision" integer NOT NULL,
	"domain" smallint NOT NULL,
	"answer_size" smallint NOT NULL,
	"reason" text,
	"choices" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone,
	"correct" boolean,
	"seconds_spent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "study_items_session_id_position_pk" PRIMARY KEY("session_id","position")
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"exam" text NOT NULL,
	"domain" smallint,
	"size" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"position" integer DEFAULT 1 NOT NULL,
	"viewed_since" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"projected_score" integer,
	"projected_margin" integer
);
--> statement-breakpoint
ALTER TABLE "study_items" ADD CONSTRAINT "study_items_session_id_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."study_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "study_sessions_one_active_uq" ON "study_sessions" USING btree ("guild_id","user_id","kind") WHERE "study_sessions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "study_sessions_member_idx" ON "study_sessions" USING btree ("guild_id","user_id","started_at");--> statement-breakpoint
CREATE INDEX "study_sessions_deadline_idx" ON "study_sessions" USING btree ("deadline") WHERE "study_sessions"."status" = 'active';