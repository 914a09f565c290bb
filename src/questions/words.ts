/** How the bank rules read text: words, paragraphs, and the content words that can give an answer away. */

/** Words as a reader counts them: whitespace-separated runs holding a letter or a digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Lower-case alphanumeric runs: "least-privilege IAM" → least, privilege, iam. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** A stem's paragraphs: its non-empty lines (a blank line in YAML `>-` becomes one newline). */
export function paragraphs(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * A paragraph cut before its last sentence: "A team stores images. Which fits?" → the text before, and
 * the last sentence. A sentence ends at . ? or ! (maybe a closing quote or bracket), a space, a capital.
 */
export function lastSentence(paragraph: string): { before: string; last: string } {
  const breaks = [...paragraph.matchAll(/[.!?]["')\]]?\s+(?=[A-Z])/g)];
  const final = breaks.at(-1);
  const cut = final === undefined ? 0 : final.index + final[0].length;
  return { before: paragraph.slice(0, cut).trim(), last: paragraph.slice(cut).trim() };
}

const stopWords = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having
  he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
  once only or other our ours out over own same she should so some such than that the their theirs them then
  there these they this those through to too under until up very was we were what when where which while
  who whom why will with would you your yours must may might need needs one two three use uses used using
  without within per via each every new company team wants want requirements requirement meet meets
  solution solutions following best least`.split(/\s+/),
);

/** A light singular: "prompts" and "prompt" are one word to a reader scanning for a match. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** Content words: tokens that are not stop words, in singular. */
export function contentWords(text: string): string[] {
  return tokens(text)
    .filter((word) => word.length > 1 && !stopWords.has(word))
    .map(singular);
}

/**
 * Phrases of two content words standing side by side (a stop word between breaks them), keyed by their
 * normal form ("prompt cache" ← "prompts cache") with the words as written.
 */
export function contentBigrams(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  let previous: { normal: string; written: string } | undefined;
  for (const written of text.match(/[A-Za-z0-9]+/g) ?? []) {
    const word = written.toLowerCase();
    if (word.length < 2 || stopWords.has(word)) {
      previous = undefined;
      continue;
    }
    const current = { normal: singular(word), written };
    if (previous !== undefined)
      pairs.set(`${previous.normal} ${current.normal}`, `${previous.written} ${written}`);
    previous = current;
  }
  return pairs;
}
