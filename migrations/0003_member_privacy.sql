CREATE TABLE "certification_shares" (
	"user_id" text NOT NULL,
	"guild_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certification_shares_user_id_guild_id_pk" PRIMARY KEY("user_id","guild_id")
);
--> statement-breakpoint
ALTER TABLE "member_settings" ALTER COLUMN "reminders_enabled" SET DEFAULT false;