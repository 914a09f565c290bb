import type { ServerContext } from "../context.js";
import { unknownGuild, unknownMember, unknownUser } from "../errors.js";
import { channelPayload, guildPayload, memberPayload, rolePayload, userPayload } from "../payloads.js";
import { json, type Router } from "../router.js";
import { snowflake } from "../state.js";

/** The gateway address, users, DMs, the application, and guilds with their members, roles and channels. */
export function registerGuildRoutes(router: Router, ctx: ServerContext): void {
  const { state } = ctx;
  const bot = state.botUser;

  router.add("GET", "/gateway/bot", () => json(ctx.gatewayBot()));
  router.add("GET", "/gateway", () => json({ url: `${ctx.origin.replace(/^http/, "ws")}/gateway` }));

  router.add("GET", "/users/@me", () => json(userPayload(bot)));
  router.add("GET", "/users/:userId", ({ params }) => {
    const user = state.users.get(params.userId ?? "");
    if (!user) throw unknownUser();
    return json(userPayload(user));
  });

  router.add("POST", "/users/@me/channels", ({ body }) => {
    const recipient = state.users.get(String(body.recipient_id));
    if (!recipient) throw unknownUser();
    let channel = [...state.channels.values()].find(
      (c) => c.type === 1 && c.recipientIds.includes(recipient.id),
    );
    if (!channel) {
      channel = {
        id: snowflake(),
        guildId: null,
        name: "",
        type: 1,
        position: 0,
        overwrites: [],
        recipientIds: [recipient.id],
      };
      state.channels.set(channel.id, channel);
    }
    return json(channelPayload(state, channel));
  });

  router.add("GET", "/applications/@me", () =>
    json({ id: state.applicationId, name: bot.username, flags: 0, bot: userPayload(bot), description: "" }),
  );

  router.add("GET", "/guilds/:guildId", ({ params }) =>
    json(guildPayload(state, botGuild(ctx, params.guildId))),
  );
  router.add("GET", "/guilds/:guildId/roles", ({ params }) =>
    json(state.guildRoles(botGuild(ctx, params.guildId)).map(rolePayload)),
  );
  router.add("GET", "/guilds/:guildId/channels", ({ params }) => {
    const guildId = botGuild(ctx, params.guildId);
    return json(state.guildChannels(guildId).map((c) => channelPayload(state, c)));
  });
  router.add("GET", "/guilds/:guildId/members", ({ params, query }) => {
    const guildId = botGuild(ctx, params.guildId);
    const limit = Math.min(1000, Number(query.get("limit") ?? 1));
    const after = BigInt(query.get("after") ?? 0);
    const ids = state
      .guildMembers(guildId)
      .map((m) => m.userId)
      .filter((id) => BigInt(id) > after)
      .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    return json(ids.slice(0, limit).map((id) => memberPayload(state, guildId, id)));
  });
  router.add("GET", "/guilds/:guildId/members/:userId", ({ params }) => {
    const guildId = botGuild(ctx, params.guildId);
    const userId = params.userId === "@me" ? bot.id : (params.userId ?? "");
    const member = memberPayload(state, guildId, userId);
    if (!member) throw unknownMember();
    return json(member);
  });
}

/** A guild the bot is in (others are Unknown Guild to it). */
function botGuild(ctx: ServerContext, guildId: string | undefined): string {
  const guild = ctx.state.guilds.get(guildId ?? "");
  if (!guild || !ctx.state.member(guild.id, ctx.state.botUser.id)) throw unknownGuild();
  return guild.id;
}
