/**
 * An error whose message is written for the member who ran the command.
 * Only these messages are shown to users; every other error is logged and replaced by a generic line.
 */
export class UserError extends Error {
  override name = "UserError";
}
