import {
  type APIEmbed,
  ApplicationCommandOptionType,
  embedLength,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { optionLetters } from "../../questions/question.js";
import { type MissedQuestion, missedQuestions, reviewLimit } from "../../stats/review.js";
import { defineCommand } from "../command.js";
import { requireGuild } from "../permissions.js";
import { embedLimits } from "../render/embed-limits.js";
import { respond } from "../reply.js";

const data = {
  name: "review",
  description: "Your last missed questions with the right answer and why (only you see it)",
  options: [
    {
      type: ApplicationCommandOptionType.Integer,
      name: "count",
      description: `How many (1–${reviewLimit}, default 3)`,
      min_value: 1,
      max_value: reviewLimit,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function reviewEmbed({ question, choices, localDate }: MissedQuestion): APIEmbed {
  const options = optionLetters(question).map((letter) => {
    const mark = question.answer.includes(letter) ? "✅" : choices.includes(letter) ? "❌" : "▫️";
    return `${mark} **${letter}** ${question.options[letter] ?? ""}`;
  });
  const why = [...new Set([...question.answer, ...choices])]
    .filter((letter) => question.explanations[letter])
    .map((letter) => `**${letter}** — ${question.explanations[letter]}`);
  return {
    title: `${question.exam} · ${localDate} · you answered ${choices.join(", ")}`.slice(0, 256),
    color: 0xef4444,
    description: [question.stem, "", ...options, "", `**Answer: ${question.answer.join(", ")}**`, ...why]
      .join("\n")
      .slice(0, embedLimits.description),
    footer: { text: `id ${question.id}` },
  };
}

/** Embeds packed into as few messages as Discord's 10-embed and 6,000-character limits allow. */
function packMessages(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (current.length > 0 && (current.length === 10 || size + length > embedLimits.total)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

export const reviewCommand = defineCommand({
  data,
  async run(interaction, args, ctx) {
    const guildId = requireGuild(interaction);
    const count = args.count ?? 3;
    const missed = await missedQuestions(ctx.db, guildId, interaction.user.id, count);
    if (missed.length === 0) {
      await respond(interaction, "Nothing to review: you have not missed a question in this server yet.");
      return;
    }
    const [first = [], ...rest] = packMessages(missed.map(reviewEmbed));
    const heading = `Your last ${missed.length} missed question${missed.length === 1 ? "" : "s"}, newest first:`;
    await respond(interaction, { content: heading, embeds: first });
    for (const embeds of rest) await respond(interaction, { embeds });
  },
});
