import { randomBytes } from "node:crypto";
import type { ServerContext } from "./context.js";
import { messagePayload } from "./message-payloads.js";
import { leafOptions, type OptionSpec, type OptionValue, resolved, type SentOption } from "./options.js";
import { channelPayload, memberPayload } from "./payloads.js";
import { channelPermissions } from "./permissions.js";
import type { CommandRecord, InteractionRecord, MessageRecord } from "./records.js";
import { snowflake } from "./state.js";

/** Building INTERACTION_CREATE as Discord sends it when a member uses a command or a button. */

const SUBCOMMAND = 1;
const GROUP = 2;

/** Start a slash command (type 2) or autocomplete (type 4) interaction and dispatch it. */
export function startCommand(
  ctx: ServerContext,
  userId: string,
  guildId: string,
  channelId: string,
  fullName: string,
  values: Record<string, OptionValue>,
  focused: string | null,
): InteractionRecord {
  const [name = "", ...path] = fullName.split(" ");
  const command = findCommand(ctx, guildId, name);
  let specs = (command.body.options ?? []) as OptionSpec[];
  const wrap: SentOption[] = [];
  for (const step of path) {
    const spec = specs.find((o) => o.name === step && (o.type === SUBCOMMAND || o.type === GROUP));
    if (!spec) throw new Error(`/${name} has no subcommand "${step}"`);
    wrap.push({ type: spec.type, name: step });
    specs = spec.options ?? [];
  }
  const leaves = leafOptions(name, specs, values, focused);
  // Nest the leaves inside the subcommand group / subcommand, innermost last.
  const options = wrap.reduceRight<SentOption[]>((inner, outer) => [{ ...outer, options: inner }], leaves);
  const data = {
    id: command.id,
    name,
    type: 1,
    options,
    resolved: resolved(ctx, guildId, specs, values),
    ...(command.guildId ? { guild_id: command.guildId } : {}),
  };
  return start(ctx, focused === null ? 2 : 4, userId, guildId, channelId, fullName, data, null);
}

/** Start a button click (type 3) on a bot message. */
export function startButton(ctx: ServerContext, userId: string, message: MessageRecord, customId: string) {
  const data = { custom_id: customId, component_type: 2 };
  return start(ctx, 3, userId, message.guildId ?? "", message.channelId, customId, data, message);
}

function start(
  ctx: ServerContext,
  type: number,
  userId: string,
  guildId: string,
  channelId: string,
  name: string,
  data: Record<string, unknown>,
  message: MessageRecord | null,
): InteractionRecord {
  const { state } = ctx;
  const channel = state.channels.get(channelId);
  const member = memberPayload(state, guildId, userId);
  if (!channel || !member) throw new Error(`user ${userId} is not in the guild of channel ${channelId}`);
  const interaction: InteractionRecord = {
    id: snowflake(),
    token: `interaction-${randomBytes(24).toString("hex")}`,
    type,
    guildId,
    channelId,
    userId,
    createdAt: Date.now(),
    callbackType: null,
    originalMessageId: message?.id ?? null,
    outcome: null,
    name,
  };
  state.interactions.set(interaction.id, interaction);
  ctx.dispatch("INTERACTION_CREATE", 0, {
    id: interaction.id,
    application_id: state.applicationId,
    type,
    token: interaction.token,
    version: 1,
    data,
    guild_id: guildId,
    channel_id: channelId,
    channel: channelPayload(state, channel),
    member: { ...member, permissions: channelPermissions(state, channelId, userId).toString() },
    app_permissions: channelPermissions(state, channelId, state.botUser.id).toString(),
    locale: "en-US",
    guild_locale: "en-US",
    entitlements: [],
    authorizing_integration_owners: { "0": guildId },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
    ...(message ? { message: messagePayload(state, ctx.origin, message, state.botUser.id) } : {}),
  });
  return interaction;
}

function findCommand(ctx: ServerContext, guildId: string, name: string): CommandRecord {
  const commands = [...ctx.state.commands.values()].filter(
    (c) => c.guildId === guildId || c.guildId === null,
  );
  // A guild command shadows a global one of the same name in the member's picker.
  const command =
    commands.find((c) => c.name === name && c.guildId !== null) ?? commands.find((c) => c.name === name);
  if (!command)
    throw new Error(`/${name} is not registered for guild ${guildId} (the bot must register it first)`);
  return command;
}
