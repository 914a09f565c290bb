import { REST, Routes } from "discord.js";
import { loadConfig } from "../config.js";
import { discordFailure, runTool } from "../failures.js";
import { createLogger } from "../log.js";
import { commands } from "./commands/index.js";
import { registerCommands } from "./register.js";

/** `npm run deploy:commands`: registers the slash commands without starting the bot. */
await runTool(async () => {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const count = await registerCommands(rest, application.id, commands, config.DISCORD_DEV_GUILD_ID);
  log.info({ count, guildId: config.DISCORD_DEV_GUILD_ID ?? "global" }, "slash commands registered");
}, discordFailure);
