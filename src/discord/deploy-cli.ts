import { REST, Routes } from "discord.js";
import { loadConfig } from "../config.js";
import { discordFailure, runTool } from "../failures.js";
import { createLogger } from "../log.js";
import { commands } from "./commands/index.js";
import { clearGuildCommands, registerCommands } from "./register.js";

/**
 * `npm run deploy:commands`: registers the slash commands without starting the bot.
 * `npm run deploy:commands -- --clear-guild <id>` (repeatable) also removes the bot's commands
 * registered in those servers, e.g. after trying the bot out with DISCORD_DEV_GUILD_ID.
 */
const clearGuilds = process.argv.flatMap((arg, index) =>
  arg === "--clear-guild" ? [process.argv[index + 1] ?? ""] : [],
);

await runTool(async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const count = await registerCommands(rest, application.id, commands, config.DISCORD_DEV_GUILD_ID);
  log.info({ count, guildId: config.DISCORD_DEV_GUILD_ID ?? "global" }, "slash commands registered");
  for (const guildId of clearGuilds) {
    const cleared = await clearGuildCommands(rest, application.id, guildId);
    log.info({ guildId, cleared }, "server's own commands cleared");
  }
}, discordFailure);
