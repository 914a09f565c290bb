import { DiscordAPIError, RESTJSONErrorCodes } from "discord.js";
import { PublishError } from "../quiz/publisher.js";

const permissionCodes = new Set<number>([
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);
const goneCodes = new Set<number>([RESTJSONErrorCodes.UnknownChannel, RESTJSONErrorCodes.UnknownGuild]);

/**
 * Turns what Discord (or the network) said into the kind of failure the quiz lifecycle acts on. Its
 * message is stored and shown to admins by /quiz status, so it is our words; the library's text is
 * kept as the cause, which the log prints.
 */
export function toPublishError(error: unknown, doing: string): PublishError {
  if (error instanceof PublishError) return error;
  const failure = classify(error, doing);
  failure.cause = error;
  return failure;
}

function classify(error: unknown, doing: string): PublishError {
  if (error instanceof DiscordAPIError && typeof error.code === "number") {
    if (permissionCodes.has(error.code))
      return new PublishError(
        "missing-permission",
        `${doing}: the bot is missing a permission in this channel`,
      );
    if (goneCodes.has(error.code))
      return new PublishError("channel-gone", `${doing}: the channel no longer exists`);
    if (error.code === RESTJSONErrorCodes.UnknownMessage)
      return new PublishError("message-gone", `${doing}: the question message was deleted`);
  }
  const status = (error as { status?: unknown } | undefined)?.status;
  const said = typeof status === "number" ? `Discord answered ${status}` : "Discord could not be reached";
  return new PublishError("transient", `${doing}: ${said}; retrying`);
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
