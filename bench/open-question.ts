import type { DiscordServer, Member, MessageView } from "../src/discord-server/index.js";

/**
 * An organiser sets up a daily quiz channel (the single-answer fixture bank) and posts its question now;
 * resolves with the question once the bot has put its four answer reactions on it.
 */
export async function postOpenQuestion(
  server: DiscordServer,
  organiser: Member,
  guildId: string,
  channelId: string,
): Promise<MessageView> {
  await organiser.runCommand(guildId, channelId, "quiz setup", {
    channel: channelId,
    time: "09:00",
    timezone: "UTC",
    exam: "SNGL-C01",
  });
  await organiser.runCommand(guildId, channelId, "quiz post-now");
  const question = await server.nextMessage(channelId);
  while ((server.message(question.id)?.reactions.length ?? 0) < 4)
    await new Promise((resolve) => setTimeout(resolve, 20));
  return question;
}
