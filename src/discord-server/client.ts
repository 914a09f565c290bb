import { Client, type ClientOptions, Events, GatewayIntentBits, Partials } from "discord.js";
import type { DiscordServer } from "./server.js";

/** The intents and partials a reaction-driven bot needs (nothing is cached after a restart). */
export const BOT_CLIENT_OPTIONS = {
  intents: [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.GuildMessageReactions,
  ],
  partials: [Partials.Message, Partials.Reaction, Partials.User, Partials.Channel],
} satisfies ClientOptions;

/** A real discord.js Client pointed at the server, logged in, resolved once it is ready. */
export async function connectClient(
  server: DiscordServer,
  token: string,
  options: Partial<ClientOptions> = {},
): Promise<Client<true>> {
  const client = new Client({
    ...BOT_CLIENT_OPTIONS,
    ...options,
    rest: { ...options.rest, api: server.apiUrl },
  });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return ready;
}
