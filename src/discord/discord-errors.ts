import { DiscordAPIError, HTTPError, RESTJSONErrorCodes } from "discord.js";
import { PublishError } from "../quiz/publisher.js";

const permissionCodes = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);
const goneCodes = new Set<number>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownGuild]);

/**
 * Turns what Discord (or the network) said into the kind of failure the quiz lifecycle acts on, with a
 * message an admin can act on (/quiz status shows it). The library's own error stays as the cause, for
 * the log.
 */
export function toPublishError(error: unknown, doing: string): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof DiscordAPIError && typeof error.code === "number") {
    if (permissionCodes.has(error.code))
      return new PublishError(
        "missing-permission",
        `${doing}: I am missing a permission in this channel (it needs View Channel, Send Messages, Embed Links, Add Reactions and Read Message History)`,
        error,
      );
    if (goneCodes.has(error.code))
      return new PublishError("channel-gone", `${doing}: the channel no longer exists`, error);
    if (error.code === RESTJSONErrorCodes.UnknownMessage)
      return new PublishError("message-gone", `${doing}: the question message was deleted`, error);
  }
  const status =
    error instanceof DiscordAPIError || error instanceof HTTPError ? ` (HTTP ${error.status})` : "";
  return new PublishError("transient", `${doing}: Discord did not answer${status}; I will try again`, error);
}

/** A Discord refusal as an admin should read it, after "Could not post in #channel:". */
export function adminReason(error: PublishError): string {
  return `${error.message.replace(/^[^:]*: /, "")}.`;
}
