import { type Client, Events, type Guild } from "discord.js";
import type { AppContext } from "../context.js";
import { cancelDepartures, purgeDepartedGuilds, recordDeparture } from "../guilds/departures.js";
import type { Job } from "../scheduler.js";

/**
 * GUILD_DELETE without `unavailable` means the bot was removed (an outage arrives as GuildUnavailable
 * instead): the server's data is scheduled for deletion after GUILD_DATA_RETENTION_DAYS. Being added
 * back (GUILD_CREATE) cancels it. Returns the job that deletes what is due.
 */
export function watchGuildDepartures(
  client: Client,
  ctx: AppContext,
  days: number,
  track: (work: Promise<unknown>) => void,
): Job {
  const onDelete = (guild: Guild) =>
    track(
      recordDeparture(ctx.db, guild.id, ctx.clock.now(), days)
        .then(() =>
          ctx.log.info(
            { guildId: guild.id, retentionDays: days },
            "removed from a server: its data will be deleted",
          ),
        )
        .catch((error) =>
          ctx.log.error({ err: error, guildId: guild.id }, "could not record leaving a server"),
        ),
    );
  const onCreate = (guild: Guild) =>
    track(
      cancelDepartures(ctx.db, [guild.id])
        .then(
          (cancelled) =>
            cancelled > 0 && ctx.log.info({ guildId: guild.id }, "added back to a server: its data is kept"),
        )
        .catch((error) =>
          ctx.log.error({ err: error, guildId: guild.id }, "could not cancel a server's deletion"),
        ),
    );
  client.on(Events.GuildDelete, onDelete);
  client.on(Events.GuildCreate, onCreate);
  return {
    name: "guild-data-retention",
    async run(now) {
      for (const guildId of await purgeDepartedGuilds(ctx.db, now))
        ctx.log.info({ guildId }, "deleted the data of a server that removed the bot");
    },
  };
}
