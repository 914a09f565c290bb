import type { ServerContext } from "../context.js";
import { HttpError, unknownCommand, unknownGuild } from "../errors.js";
import type { CommandRecord } from "../records.js";
import { json, noContent, type RestRequest, type Router } from "../router.js";
import { snowflake } from "../state.js";

/** Application commands, global and per guild: bulk overwrite, list, create, get, edit, delete. */
export function registerCommandRoutes(router: Router, ctx: ServerContext): void {
  for (const prefix of ["/applications/:appId/commands", "/applications/:appId/guilds/:guildId/commands"]) {
    router.add("GET", prefix, (req) => json(scopeCommands(ctx, req).map((c) => commandPayload(ctx, c))));

    router.add("PUT", prefix, (req) => {
      const guildId = scope(ctx, req);
      const bodies = Array.isArray(req.raw) ? (req.raw as Record<string, unknown>[]) : [];
      const before = scopeCommands(ctx, req);
      for (const command of before) ctx.state.commands.delete(command.id);
      const saved = bodies.map((body) => save(ctx, guildId, body, before));
      return json(saved.map((c) => commandPayload(ctx, c)));
    });

    router.add("POST", prefix, (req) => {
      const saved = save(ctx, scope(ctx, req), req.body, scopeCommands(ctx, req));
      return json(commandPayload(ctx, saved), 201);
    });

    router.add("GET", `${prefix}/:commandId`, (req) => json(commandPayload(ctx, findCommand(ctx, req))));

    router.add("PATCH", `${prefix}/:commandId`, (req) => {
      const command = findCommand(ctx, req);
      const saved = save(ctx, command.guildId, { ...command.body, ...req.body }, [command]);
      return json(commandPayload(ctx, saved));
    });

    router.add("DELETE", `${prefix}/:commandId`, (req) => {
      ctx.state.commands.delete(findCommand(ctx, req).id);
      return noContent();
    });
  }
}

export function commandPayload(ctx: ServerContext, command: CommandRecord): Record<string, unknown> {
  return {
    type: 1,
    default_member_permissions: null,
    nsfw: false,
    ...command.body,
    id: command.id,
    application_id: ctx.state.applicationId,
    version: command.version,
    ...(command.guildId ? { guild_id: command.guildId } : {}),
  };
}

/** The guild id for guild commands, null for global ones; checks the application id. */
function scope(ctx: ServerContext, { params }: RestRequest): string | null {
  if (params.appId !== ctx.state.applicationId) throw new HttpError(404, 10002, "Unknown Application");
  if (params.guildId === undefined) return null;
  if (!ctx.state.guilds.has(params.guildId)) throw unknownGuild();
  return params.guildId;
}

function scopeCommands(ctx: ServerContext, req: RestRequest): CommandRecord[] {
  const guildId = scope(ctx, req);
  return [...ctx.state.commands.values()].filter((c) => c.guildId === guildId);
}

function findCommand(ctx: ServerContext, req: RestRequest): CommandRecord {
  const command = scopeCommands(ctx, req).find((c) => c.id === req.params.commandId);
  if (!command) throw unknownCommand();
  return command;
}

/** Store a command; one with the same name and type keeps its id, as on Discord. */
function save(
  ctx: ServerContext,
  guildId: string | null,
  body: Record<string, unknown>,
  existing: CommandRecord[],
): CommandRecord {
  const type = Number(body.type ?? 1);
  const name = String(body.name ?? "");
  if (type === 1 && !/^[-_\p{L}\p{N}]{1,32}$/u.test(name)) invalid(`command name "${name}" is not valid`);
  if (type === 1 && name !== name.toLowerCase()) invalid(`command name "${name}" must be lower case`);
  const description = String(body.description ?? "");
  if (type === 1 && (description.length < 1 || description.length > 100)) {
    invalid(`command "${name}" needs a description of 1 to 100 characters`);
  }
  const same = existing.find((c) => c.body.name === name && Number(c.body.type ?? 1) === type);
  if (same) ctx.state.commands.delete(same.id);
  const command = {
    id: same?.id ?? snowflake(),
    guildId,
    name,
    version: snowflake(),
    body: { ...body, type },
  };
  ctx.state.commands.set(command.id, command);
  ctx.state.changed();
  return command;
}

function invalid(why: string): never {
  throw new HttpError(400, 50035, `Invalid Form Body: ${why}`);
}
