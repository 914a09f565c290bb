import type { Client } from "discord.js";
import {
  connectClient,
  DiscordServer,
  type DiscordServerOptions,
  type Member,
  type TestGuild,
} from "../../src/discord-server/index.js";

export const TOKEN = "test-token";

/** A server with one guild, a #daily-question channel, a member called alice, and a logged-in client. */
export async function startServerWithClient(options: Partial<DiscordServerOptions> = {}) {
  const server = await DiscordServer.start({ token: TOKEN, ...options });
  const guild: TestGuild = server.createGuild();
  const channelId = guild.createTextChannel({ name: "daily-question" }).id;
  const alice: Member = guild.addMember({ username: "alice" });
  const client: Client<true> = await connectClient(server, TOKEN);
  return { server, guild, channelId, alice, client };
}
