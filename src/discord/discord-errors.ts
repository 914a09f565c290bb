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
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PublishError("transient", `${doing}: ${message}`);
}
