import { lastSentence, paragraphs } from "../../questions/words.js";

/**
 * A stem as a phone reads it best: its paragraphs apart, and the question sentence last, alone and bold.
 * A stem written as one paragraph gets its final question sentence split off.
 */
export function stemLayout(stem: string): string {
  const parts = paragraphs(stem);
  const last = parts.pop() ?? "";
  if (!last.endsWith("?")) return [...parts, last].join("\n\n");
  const { before, last: question } = lastSentence(last);
  return [...parts, ...(before ? [before] : []), `**${question}**`].join("\n\n");
}
