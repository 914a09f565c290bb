import type { ServerContext } from "./context.js";
import { channelPayload, memberPayload, rolePayload, userPayload } from "./payloads.js";

/** A command's options as Discord sends them, checked against the command the bot registered. */

export type OptionValue = string | number | boolean;

export interface OptionSpec {
  type: number;
  name: string;
  required?: boolean;
  options?: OptionSpec[];
}

export interface SentOption {
  type: number;
  name: string;
  value?: OptionValue;
  focused?: boolean;
  options?: SentOption[];
}

export function leafOptions(
  name: string,
  specs: OptionSpec[],
  values: Record<string, OptionValue>,
  focused: string | null,
): SentOption[] {
  for (const key of Object.keys(values)) {
    if (!specs.some((s) => s.name === key)) throw new Error(`/${name} has no option "${key}"`);
  }
  const missing = specs.find((s) => s.required && !(s.name in values) && s.name !== focused);
  if (missing && focused === null) throw new Error(`/${name} needs its required option "${missing.name}"`);
  return specs
    .filter((s) => s.name in values)
    .map((s) => ({
      type: s.type,
      name: s.name,
      value: values[s.name] as OptionValue,
      ...(s.name === focused ? { focused: true } : {}),
    }));
}

/** `resolved` carries the users, members, roles and channels that options name by id. */
export function resolved(
  ctx: ServerContext,
  guildId: string,
  specs: OptionSpec[],
  values: Record<string, OptionValue>,
) {
  const { state } = ctx;
  const users: Record<string, unknown> = {};
  const members: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  for (const spec of specs) {
    const id = String(values[spec.name] ?? "");
    const user = state.users.get(id);
    const role = state.roles.get(id);
    const channel = state.channels.get(id);
    if ((spec.type === 6 || spec.type === 9) && user) {
      users[id] = userPayload(user);
      const member = memberPayload(state, guildId, id);
      if (member) {
        const { user: _user, ...rest } = member;
        members[id] = { ...rest, permissions: "0" };
      }
    }
    if ((spec.type === 8 || spec.type === 9) && role) roles[id] = rolePayload(role);
    if (spec.type === 7 && channel) channels[id] = { ...channelPayload(state, channel), permissions: "0" };
  }
  return { users, members, roles, channels };
}
