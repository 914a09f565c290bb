import type { EmojiRef } from "./records.js";

/** Parse a reaction emoji as it appears in a URL: "🇦" (unicode) or "name:id" (custom). */
export function parseEmoji(text: string): EmojiRef {
  const custom = /^a?:?([\w~-]+):(\d{17,20})$/.exec(text);
  if (custom?.[1] && custom[2]) return { id: custom[2], name: custom[1] };
  return { id: null, name: text };
}

export function sameEmoji(a: EmojiRef, b: EmojiRef): boolean {
  return a.id !== null || b.id !== null ? a.id === b.id : a.name === b.name;
}

/** How a test names an emoji: the unicode character, or "name:id" for a custom one. */
export function emojiText(emoji: EmojiRef): string {
  return emoji.id === null ? emoji.name : `${emoji.name}:${emoji.id}`;
}
