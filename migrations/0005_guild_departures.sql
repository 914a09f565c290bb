CREATE TABLE "guild_departures" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"left_at" timestamp with time zone NOT NULL,
	"purge_after" timestamp with time zone NOT NULL
);
