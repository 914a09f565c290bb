import { type REST, Routes } from "discord.js";
import type { Command } from "./command.js";

/** Bulk-overwrites the command set: guild-scoped (instant, for development) or global. */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  commands: readonly Command[],
  guildId?: string,
): Promise<number> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commands.map((command) => command.data) })) as unknown[];
  return registered.length;
}
