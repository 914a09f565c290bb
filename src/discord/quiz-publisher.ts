import { type Client, Routes, type SendableChannels } from "discord.js";
import type { Letter } from "../questions/question.js";
import { PublishError, type QuizPublisher } from "../quiz/publisher.js";
import { answerEmoji } from "./answer-emoji.js";
import { toPublishError } from "./discord-errors.js";
import { questionEmbed, revealEmbed } from "./render/question.js";

const pageSize = 100;

/** The quiz lifecycle's view of Discord: sends, edits and reads question messages. */
export function createQuizPublisher(client: Client): QuizPublisher {
  async function sendable(channelId: string): Promise<SendableChannels> {
    const channel = await client.channels.fetch(channelId).catch((error) => {
      throw toPublishError(error, "opening the channel");
    });
    if (!channel?.isSendable())
      throw new PublishError("channel-gone", "the quiz channel is not a text channel the bot can post in");
    return channel;
  }

  return {
    async postQuestion({ channelId, hiddenAnswers }, posting, question, track) {
      const channel = await sendable(channelId);
      const answersSoFar = hiddenAnswers ? 0 : undefined;
      const embed = questionEmbed(question, track, {
        sequence: posting.sequence,
        closesAt: posting.closesAt,
        answersSoFar,
      });
      // The nonce makes Discord drop a second send of the same posting (a retry after a crash mid-send).
      const message = await channel
        .send({ embeds: [embed], nonce: `q${posting.id}`, enforceNonce: true })
        .catch((error) => {
          throw toPublishError(error, "posting the question");
        });
      for (const letter of Object.keys(question.options) as Letter[]) {
        await message.react(answerEmoji[letter]).catch((error) => {
          throw toPublishError(error, "adding the answer reactions");
        });
      }
      return message.id;
    },

    async showClosed(channelId, posting, question, track) {
      if (!posting.messageId) return;
      const embed = questionEmbed(question, track, {
        sequence: posting.sequence,
        closesAt: posting.closesAt,
        closed: true,
      });
      await client.rest
        .patch(Routes.channelMessage(channelId, posting.messageId), { body: { embeds: [embed] } })
        .catch((error) => {
          throw toPublishError(error, "marking the question closed");
        });
    },

    async postReveal(reveal, track) {
      const channel = await sendable(reveal.channelId);
      const milestones = reveal.milestones.map(
        ({ userId, streak }) => `🔥 <@${userId}> — ${streak} correct in a row`,
      );
      const embed = revealEmbed(reveal.question, track, reveal.posting.sequence, { ...reveal, milestones });
      const message = await channel
        .send({
          embeds: [embed],
          nonce: `r${reveal.posting.id}`,
          enforceNonce: true,
          ...(reveal.posting.messageId
            ? { reply: { messageReference: reveal.posting.messageId, failIfNotExists: false } }
            : {}),
        })
        .catch((error) => {
          throw toPublishError(error, "posting the reveal");
        });
      return message.id;
    },

    async removeReaction(channelId, messageId, letter, userId) {
      await client.rest
        .delete(
          Routes.channelMessageUserReaction(
            channelId,
            messageId,
            encodeURIComponent(answerEmoji[letter]),
            userId,
          ),
        )
        .catch((error) => {
          throw toPublishError(error, "removing a member's reaction");
        });
    },

    async readReactions(channelId, messageId, letters) {
      const holders = new Map<Letter, string[]>();
      const botId = client.user?.id;
      for (const letter of letters) {
        const users: string[] = [];
        for (let after: string | undefined; ; ) {
          const query = new URLSearchParams({ limit: String(pageSize), ...(after ? { after } : {}) });
          const page = (await client.rest
            .get(
              Routes.channelMessageReaction(channelId, messageId, encodeURIComponent(answerEmoji[letter])),
              { query },
            )
            .catch((error) => {
              throw toPublishError(error, "reading the answer reactions");
            })) as { id: string }[];
          users.push(...page.map((user) => user.id).filter((id) => id !== botId));
          if (page.length < pageSize) break;
          after = page.at(-1)?.id;
        }
        holders.set(letter, users);
      }
      return holders;
    },
  };
}
