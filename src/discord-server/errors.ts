/** A Discord API error answer: HTTP status plus the JSON `{ code, message }` body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const unknownChannel = (): HttpError => new HttpError(404, 10003, "Unknown Channel");
export const unknownGuild = (): HttpError => new HttpError(404, 10004, "Unknown Guild");
export const unknownMember = (): HttpError => new HttpError(404, 10007, "Unknown Member");
export const unknownMessage = (): HttpError => new HttpError(404, 10008, "Unknown Message");
export const unknownUser = (): HttpError => new HttpError(404, 10013, "Unknown User");
export const unknownEmoji = (): HttpError => new HttpError(400, 10014, "Unknown Emoji");
export const unknownWebhook = (): HttpError => new HttpError(404, 10015, "Unknown Webhook");
export const unknownCommand = (): HttpError => new HttpError(404, 10063, "Unknown application command");
export const unknownInteraction = (): HttpError => new HttpError(404, 10062, "Unknown interaction");
export const alreadyAcknowledged = (): HttpError =>
  new HttpError(400, 40060, "Interaction has already been acknowledged.");
export const notAuthor = (): HttpError =>
  new HttpError(403, 50005, "Cannot edit a message authored by another user");
export const emptyMessage = (): HttpError => new HttpError(400, 50006, "Cannot send an empty message");
