import { type Letter, letters } from "../questions/question.js";

/** Regional-indicator emoji 🇦 … 🇫: members answer by reacting with them. */
export const answerEmoji: Record<Letter, string> = Object.fromEntries(
  letters.map((letter, index) => [letter, String.fromCodePoint(0x1f1e6 + index)]),
) as Record<Letter, string>;

export function letterOfEmoji(emoji: string | null | undefined): Letter | undefined {
  return letters.find((letter) => answerEmoji[letter] === emoji);
}
