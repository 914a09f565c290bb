import type { APIGuildMember, APIRole, APIUser } from "discord.js";
import type { ChannelRecord, RoleRecord, UserRecord } from "./records.js";
import type { State } from "./state.js";

/** State records → the JSON objects Discord sends (REST answers and gateway dispatches). */

export function userPayload(user: UserRecord): APIUser {
  return {
    id: user.id,
    username: user.username,
    global_name: user.bot ? null : user.username,
    discriminator: "0",
    avatar: null,
    bot: user.bot,
  };
}

export function rolePayload(role: RoleRecord): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as APIRole["flags"],
  };
}

export function memberPayload(state: State, guildId: string, userId: string): APIGuildMember | null {
  const member = state.member(guildId, userId);
  const user = state.users.get(userId);
  if (!member || !user) return null;
  return {
    user: userPayload(user),
    nick: null,
    avatar: null,
    banner: null,
    roles: [...member.roleIds],
    joined_at: member.joinedAt,
    deaf: false,
    mute: false,
    flags: 0 as APIGuildMember["flags"],
  };
}

export function channelPayload(state: State, channel: ChannelRecord): Record<string, unknown> {
  if (channel.guildId === null) {
    const recipients = channel.recipientIds.flatMap((id) => {
      const user = state.users.get(id);
      return user ? [userPayload(user)] : [];
    });
    return { id: channel.id, type: 1, recipients, last_message_id: null, flags: 0 };
  }
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0,
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type === "role" ? 0 : 1,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
  };
}

export function guildCreatePayload(state: State, guildId: string): Record<string, unknown> | null {
  const guild = state.guilds.get(guildId);
  if (!guild) return null;
  const members = state.guildMembers(guildId).flatMap((m) => memberPayload(state, guildId, m.userId) ?? []);
  const me = state.member(guildId, state.botUser.id);
  return {
    ...guildPayload(state, guildId),
    joined_at: me?.joinedAt ?? new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    members,
    channels: state.guildChannels(guildId).map((c) => channelPayload(state, c)),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function guildPayload(state: State, guildId: string): Record<string, unknown> {
  const guild = state.guilds.get(guildId);
  return {
    id: guildId,
    name: guild?.name ?? "",
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild?.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: "en-US",
    features: [],
    roles: state.guildRoles(guildId).map(rolePayload),
    emojis: [],
    stickers: [],
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
  };
}

/** READY lists the bot's guilds as unavailable; a GUILD_CREATE for each follows. */
export function readyPayload(state: State, sessionId: string, resumeUrl: string): Record<string, unknown> {
  return {
    v: 10,
    user: userPayload(state.botUser),
    guilds: state.botGuilds().map((g) => ({ id: g.id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    // discord.js crashes on a READY without `application`.
    application: { id: state.applicationId, flags: 0 },
    private_channels: [],
    relationships: [],
    presences: [],
    guild_join_requests: [],
    user_settings: {},
    session_type: "normal",
  };
}
