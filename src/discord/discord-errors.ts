import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";
import { PublishError } from "../quiz/publisher.js";

const permissionCodes = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);
const goneCodes = new Set<number>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownGuild]);

/** Turns what Discord (or the network) said into the kind of failure the quiz lifecycle acts on. */
export function toPublishError(error: unknown, doing: string): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof DiscordAPIError && typeof error.code === "number") {
    if (permissionCodes.has(error.code))
      return new PublishError(
        "missing-permission",
        `${doing}: the bot is missing a permission in this channel (${error.message})`,
      );
    if (goneCodes.has(error.code))
      return new PublishError("channel-gone", `${doing}: the channel no longer exists`);
    if (error.code === RESTJSONErrorCodes.UnknownMessage)
      return new PublishError("message-gone", `${doing}: the question message was deleted`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PublishError("transient", `${doing}: ${message}`);
}

/** A Discord refusal as an admin should read it; the raw library text stays in the log. */
export function adminReason(error: PublishError): string {
  switch (error.kind) {
    case "missing-permission":
      return "I am missing a permission in that channel (View Channel, Send Messages, Embed Links, Add Reactions, Read Message History).";
    case "channel-gone":
      return "the channel no longer exists, so I paused it.";
    case "message-gone":
      return "the question message was deleted.";
    case "transient":
      return "Discord did not answer just now.";
  }
}
