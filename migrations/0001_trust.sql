ALTER TABLE "answers" ADD COLUMN "held" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "number" integer;--> statement-breakpoint
UPDATE "questions" SET "number" = numbered."n" FROM (SELECT "id", row_number() OVER (PARTITION BY "exam" ORDER BY "id") AS "n" FROM "questions") AS numbered WHERE "questions"."id" = numbered."id";--> statement-breakpoint
ALTER TABLE "questions" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_channels" ADD COLUMN "active_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "quiz_channels" SET "active_since" = "created_at";--> statement-breakpoint
CREATE UNIQUE INDEX "questions_exam_number_uq" ON "questions" USING btree ("exam","number");
