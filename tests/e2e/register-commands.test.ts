import { expect, it } from "vitest";
import { commands } from "../../src/discord/commands/index.js";
import { connectClient, DiscordServer } from "../../src/discord-server/index.js";
import { startBotOn, testToken } from "../support/bot.js";
import { openTestDatabase } from "../support/db.js";

it("registering globally removes the commands a DISCORD_DEV_GUILD_ID trial left in a server", async () => {
  const server = await DiscordServer.start({ token: testToken });
  const trial = server.createGuild({ name: "trial" });
  const other = server.createGuild({ name: "other" });
  // The trial: the bot registered its commands in one server only.
  const client = await connectClient(server, testToken);
  await client.application?.commands.set(
    commands.map((command) => command.data),
    trial.id,
  );
  await client.destroy();
  expect(server.commands(trial.id).length).toBe(commands.length);

  const database = await openTestDatabase();
  const bot = await startBotOn(server, database);
  try {
    expect(
      server
        .commands()
        .map((command) => command.name)
        .sort(),
    ).toEqual(commands.map((command) => command.data.name).sort());
    expect(server.commands(trial.id)).toEqual([]);
    expect(server.commands(other.id)).toEqual([]);
    expect(server.unknownRoutes).toEqual([]);
  } finally {
    await bot.stop();
    await database.close();
    await server.close();
  }
});
