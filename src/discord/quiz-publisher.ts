import {
  ActionRowBuilder,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  Routes,
  type SendableChannels,
  userMention,
} from "discord.js";
import type { Letter } from "../questions/question.js";
import { PublishError, type QuizPublisher, type ShownQuestion } from "../quiz/publisher.js";
import { answerEmoji } from "./answer-emoji.js";
import { customId } from "./component.js";
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

  const editQuestion = async (channelId: string, messageId: string, embed: APIEmbed, doing: string) => {
    await client.rest
      .patch(Routes.channelMessage(channelId, messageId), { body: { embeds: [embed] } })
      .catch((error) => {
        throw toPublishError(error, doing);
      });
  };
  const view = ({ posting, number }: ShownQuestion) => ({
    number,
    sequence: posting.sequence,
    closesAt: posting.closesAt,
  });

  return {
    async postQuestion({ channelId, hiddenAnswers }, shown) {
      const channel = await sendable(channelId);
      const embed = questionEmbed(shown.question, shown.track, {
        ...view(shown),
        answersSoFar: hiddenAnswers ? 0 : undefined,
      });
      // With hidden answers a member cannot see their reaction, so a button shows them what was recorded.
      const components = hiddenAnswers
        ? [
            new ActionRowBuilder<ButtonBuilder>().addComponents(
              new ButtonBuilder()
                .setCustomId(customId("quiz", "my-answer", shown.posting.id))
                .setLabel("My answer")
                .setStyle(ButtonStyle.Secondary),
            ),
          ]
        : [];
      // The nonce makes Discord drop a second send of the same posting (a retry after a crash mid-send).
      const message = await channel
        .send({ embeds: [embed], components, nonce: `q${shown.posting.id}`, enforceNonce: true })
        .catch((error) => {
          throw toPublishError(error, "posting the question");
        });
      return message.id;
    },

    async addAnswerReactions(channelId, messageId, letters) {
      for (const letter of letters) {
        await client.rest
          .put(
            Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(answerEmoji[letter])),
          )
          .catch((error) => {
            throw toPublishError(error, "adding the answer reactions");
          });
      }
    },

    async showAnswerCount(channelId, shown, answers) {
      if (!shown.posting.messageId) return;
      const embed = questionEmbed(shown.question, shown.track, { ...view(shown), answersSoFar: answers });
      await editQuestion(channelId, shown.posting.messageId, embed, "updating the answer count");
    },

    async showClosed(channelId, shown) {
      if (!shown.posting.messageId) return;
      const embed = questionEmbed(shown.question, shown.track, { ...view(shown), closed: true });
      await editQuestion(channelId, shown.posting.messageId, embed, "marking the question closed");
    },

    async postReveal(reveal, track) {
      const channel = await sendable(reveal.channelId);
      const milestones = reveal.milestones.map(
        ({ userId, streak }) => `🔥 ${userMention(userId)} — ${streak} correct in a row`,
      );
      const embed = revealEmbed(
        reveal.question,
        track,
        { number: reveal.number, sequence: reveal.posting.sequence },
        { ...reveal, milestones },
      );
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
