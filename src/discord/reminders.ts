// The scheduler job that sends certification expiry reminders. The core claims each due reminder in
// the database first; this file only delivers it: by DM, or, when the member's DMs are closed, as a
// mention in the reminder channel of the server they use the bot in.
import { type Client, DiscordAPIError, RESTJSONErrorCodes, userMention } from "discord.js";
import pLimit from "p-limit";
import { type DueReminder, findDueReminders, markReminderFailed, markReminderSent } from "../certs/index.js";
import type { AppContext } from "../context.js";
import type { Job } from "../scheduler.js";

type Delivery = { via: "dm" | "channel" } | { via: "none"; reason: string };

function dmsClosed(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser;
}

async function deliver(client: Client, reminder: DueReminder): Promise<Delivery> {
  try {
    await client.users.send(reminder.userId, { content: reminder.text });
    return { via: "dm" };
  } catch (error) {
    if (!dmsClosed(error)) throw error;
  }
  if (!reminder.fallbackChannelId) return { via: "none", reason: "DMs closed and no reminder channel" };
  const channel = await client.channels.fetch(reminder.fallbackChannelId);
  if (!channel?.isSendable()) return { via: "none", reason: "the reminder channel cannot receive messages" };
  await channel.send({
    content: `${userMention(reminder.userId)} ${reminder.text}\n-# Sent here because your DMs are closed.`,
    // The client mentions nobody by default; this message pings exactly the member it is for.
    allowedMentions: { users: [reminder.userId] },
  });
  return { via: "channel" };
}

export function createReminderJob(ctx: AppContext, client: Client): Job {
  return {
    name: "certification-reminders",
    async run(now) {
      // Each delivery waits on round trips; several at once keep the bot at Discord's pace, not the network's.
      const limit = pLimit(16);
      const due = await findDueReminders(ctx.db, now, ctx.shards);
      await Promise.all(due.map((reminder) => limit(() => remind(reminder))));
      async function remind(reminder: DueReminder) {
        const log = ctx.log.child({
          userId: reminder.userId,
          cert: reminder.certCode,
          daysBefore: reminder.daysBefore,
        });
        try {
          const delivery = await deliver(client, reminder);
          if (delivery.via === "none") {
            log.warn({ reason: delivery.reason }, "certification reminder not delivered");
            await markReminderFailed(ctx.db, reminder, delivery.reason);
          } else {
            log.info({ via: delivery.via }, "certification reminder sent");
            await markReminderSent(ctx.db, reminder, ctx.clock.now());
          }
        } catch (error) {
          log.error({ err: error }, "certification reminder failed");
          await markReminderFailed(ctx.db, reminder, error instanceof Error ? error.message : String(error));
        }
      }
    },
  };
}
