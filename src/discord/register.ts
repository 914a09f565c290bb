import { DiscordAPIError, type REST, Routes } from "discord.js";
import type { Command } from "./command.js";

/**
 * Bulk-overwrites the command set: guild-scoped (instant, for development) or global. Registering
 * globally also clears the bot's guild-scoped commands in `guildIds` (every server it is in), which a
 * DISCORD_DEV_GUILD_ID trial left behind: otherwise members there see every command twice.
 */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  commands: readonly Command[],
  guildId?: string,
  guildIds: Iterable<string> = [],
): Promise<number> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commands.map((command) => command.data) })) as unknown[];
  if (!guildId) for (const id of guildIds) await clearGuildCommands(rest, applicationId, id);
  return registered.length;
}

/** Removes the bot's commands registered in one server; a server that refuses (no access) is left. */
export async function clearGuildCommands(
  rest: REST,
  applicationId: string,
  guildId: string,
): Promise<boolean> {
  const route = Routes.applicationGuildCommands(applicationId, guildId);
  try {
    const existing = (await rest.get(route)) as unknown[];
    if (existing.length === 0) return false;
    await rest.put(route, { body: [] });
    return true;
  } catch (error) {
    if (error instanceof DiscordAPIError) return false;
    throw error;
  }
}
