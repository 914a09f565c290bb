import { paragraphs } from "../../questions/words.js";

/**
 * A stem as a phone reads it best: its paragraphs apart, and the question sentence last, alone and bold.
 * A stem written as one paragraph gets its final question sentence split off.
 */
export function stemLayout(stem: string): string {
  const parts = paragraphs(stem);
  const last = parts.pop() ?? "";
  if (!last.endsWith("?")) return [...parts, last].join("\n\n");
  const boundaries = [...last.matchAll(/[.!?]["')\]]?\s+(?=[A-Z])/g)];
  const final = boundaries.at(-1);
  const cut = final === undefined ? 0 : final.index + final[0].length;
  const scenario = last.slice(0, cut).trim();
  const question = last.slice(cut).trim();
  return [...parts, ...(scenario ? [scenario] : []), `**${question}**`].join("\n\n");
}
