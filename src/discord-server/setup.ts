import { PermissionFlagsBits as P } from "discord.js";
import { Member } from "./actors.js";
import { Intent, type ServerContext } from "./context.js";
import { deleteMessage } from "./messages.js";
import { channelPayload, guildCreatePayload, memberPayload, rolePayload } from "./payloads.js";
import { DEFAULT_EVERYONE_PERMISSIONS } from "./permissions.js";
import type { OverwriteType } from "./records.js";
import { snowflake } from "./state.js";

export interface OverwriteInput {
  /** A role id (the guild id for @everyone) or a user id. */
  id: string;
  type: OverwriteType;
  allow?: bigint;
  deny?: bigint;
}

export interface ChannelHandle {
  id: string;
  name: string;
}

export interface RoleHandle {
  id: string;
  name: string;
}

/** What a bot gets when invited with the permissions it asks for. */
export const DEFAULT_BOT_PERMISSIONS =
  DEFAULT_EVERYONE_PERMISSIONS | P.ManageMessages | P.AddReactions | P.EmbedLinks | P.AttachFiles;

/** A guild a test set up; the bot is a member with its own role. Changes after login reach the gateway. */
export class TestGuild {
  /** The @everyone role has the guild's id. */
  readonly everyoneRoleId: string;
  readonly botRoleId: string;
  #positions = 0;

  constructor(
    private readonly ctx: ServerContext,
    readonly id: string,
    readonly name: string,
    botPermissions: bigint,
  ) {
    const { state } = ctx;
    const owner = snowflake();
    state.users.set(owner, { id: owner, username: `${name}-owner`, bot: false });
    state.guilds.set(id, { id, name, ownerId: owner });
    state.roles.set(id, {
      id,
      guildId: id,
      name: "@everyone",
      permissions: DEFAULT_EVERYONE_PERMISSIONS,
      position: 0,
    });
    state.members.set(`${id}:${owner}`, {
      userId: owner,
      guildId: id,
      roleIds: [],
      joinedAt: new Date().toISOString(),
    });
    this.everyoneRoleId = id;
    this.botRoleId = this.#role(state.botUser.username, botPermissions).id;
    const joinedAt = new Date().toISOString();
    state.members.set(`${id}:${state.botUser.id}`, {
      userId: state.botUser.id,
      guildId: id,
      roleIds: [this.botRoleId],
      joinedAt,
    });
    // A connected bot learns of a guild it joins from GUILD_CREATE, as on Discord.
    ctx.dispatch("GUILD_CREATE", Intent.Guilds, guildCreatePayload(state, id));
  }

  createTextChannel(options: { name: string; overwrites?: OverwriteInput[] }): ChannelHandle {
    const overwrites = (options.overwrites ?? []).map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow ?? 0n,
      deny: o.deny ?? 0n,
    }));
    const channel = {
      id: snowflake(),
      guildId: this.id,
      name: options.name,
      type: 0 as const,
      position: this.ctx.state.guildChannels(this.id).length,
      overwrites,
      recipientIds: [],
    };
    this.ctx.state.channels.set(channel.id, channel);
    this.ctx.dispatch("CHANNEL_CREATE", Intent.Guilds, channelPayload(this.ctx.state, channel));
    return { id: channel.id, name: channel.name };
  }

  /** Remove the bot from the guild, as an admin kicking it would: GUILD_DELETE without `unavailable`. */
  removeBot(): void {
    this.ctx.state.members.delete(`${this.id}:${this.ctx.state.botUser.id}`);
    this.ctx.dispatch("GUILD_DELETE", Intent.Guilds, { id: this.id });
  }

  /** Add the bot back (with its role): GUILD_CREATE, as when someone opens the invite link again. */
  addBot(): void {
    this.ctx.state.members.set(`${this.id}:${this.ctx.state.botUser.id}`, {
      userId: this.ctx.state.botUser.id,
      guildId: this.id,
      roleIds: [this.botRoleId],
      joinedAt: new Date().toISOString(),
    });
    this.ctx.dispatch("GUILD_CREATE", Intent.Guilds, guildCreatePayload(this.ctx.state, this.id));
  }

  /** Delete a channel, as an admin would: later requests for it get 404 Unknown Channel (10003). */
  deleteChannel(channelId: string): void {
    const channel = this.ctx.state.channels.get(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    const payload = channelPayload(this.ctx.state, channel);
    this.ctx.state.channels.delete(channelId);
    this.ctx.dispatch("CHANNEL_DELETE", Intent.Guilds, payload);
  }

  /** Delete a message, as a moderator would: later requests for it get 404 Unknown Message (10008). */
  deleteMessage(messageId: string): void {
    const message = this.ctx.state.messages.get(messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    deleteMessage(this.ctx, message);
  }

  /** Deny the bot's role permissions in one channel, as an admin editing the channel would. */
  denyBot(channelId: string, permissions: bigint): void {
    const channel = this.ctx.state.channels.get(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    channel.overwrites.push({ id: this.botRoleId, type: "role", allow: 0n, deny: permissions });
    this.ctx.dispatch("CHANNEL_UPDATE", Intent.Guilds, channelPayload(this.ctx.state, channel));
  }

  createRole(options: { name: string; permissions?: bigint }): RoleHandle {
    const role = this.#role(options.name, options.permissions ?? 0n);
    this.ctx.dispatch("GUILD_ROLE_CREATE", Intent.Guilds, { guild_id: this.id, role: rolePayload(role) });
    return { id: role.id, name: role.name };
  }

  /** Add a person; `permissions` gives them a role of their own with those permissions. */
  addMember(options: { username: string; roles?: string[]; permissions?: bigint }): Member {
    const { state } = this.ctx;
    const id = snowflake();
    state.users.set(id, { id, username: options.username, bot: false });
    const roleIds = [...(options.roles ?? [])];
    if (options.permissions !== undefined) {
      roleIds.push(
        this.createRole({ name: `${options.username}-role`, permissions: options.permissions }).id,
      );
    }
    state.members.set(`${this.id}:${id}`, {
      userId: id,
      guildId: this.id,
      roleIds,
      joinedAt: new Date().toISOString(),
    });
    const member = { ...memberPayload(state, this.id, id), guild_id: this.id };
    this.ctx.dispatch("GUILD_MEMBER_ADD", Intent.GuildMembers, member);
    return new Member(this.ctx, id, options.username);
  }

  #role(name: string, permissions: bigint) {
    this.#positions += 1;
    const role = { id: snowflake(), guildId: this.id, name, permissions, position: this.#positions };
    this.ctx.state.roles.set(role.id, role);
    return role;
  }
}
