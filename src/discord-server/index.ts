/** The local Discord-compatible server for end-to-end tests; see docs/TESTING.md. */
export type { Choice, Member, WaitOptions } from "./actors.js";
export { BOT_CLIENT_OPTIONS, connectClient } from "./client.js";
export type { OptionValue } from "./options.js";
export { DISCORD_RATE_LIMITS, type RateLimitConfig, type WindowLimit } from "./ratelimit.js";
export { DiscordServer, type DiscordServerOptions } from "./server.js";
export {
  type ChannelHandle,
  DEFAULT_BOT_PERMISSIONS,
  type OverwriteInput,
  type RoleHandle,
  TestGuild,
} from "./setup.js";
export type { AttachmentView, ButtonView, MessageView, ReactionView } from "./views.js";
