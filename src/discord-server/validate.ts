import type { APIEmbed } from "discord.js";
import { HttpError } from "./errors.js";

/** Discord's size limits on messages, so a bot that breaks them fails here as it would in production. */

const invalid = (why: string): HttpError => new HttpError(400, 50035, `Invalid Form Body: ${why}`);

export function validateContent(content: unknown): string {
  if (content === undefined || content === null) return "";
  if (typeof content !== "string") throw invalid("content must be a string");
  if (content.length > 2000) throw invalid("content must be 2000 or fewer in length");
  return content;
}

export function validateEmbeds(embeds: unknown): APIEmbed[] {
  if (embeds === undefined || embeds === null) return [];
  if (!Array.isArray(embeds)) throw invalid("embeds must be an array");
  if (embeds.length > 10) throw invalid("embeds must have 10 or fewer items");
  let total = 0;
  for (const embed of embeds as APIEmbed[]) {
    const fields = embed.fields ?? [];
    if ((embed.title?.length ?? 0) > 256) throw invalid("embed title must be 256 or fewer in length");
    if ((embed.description?.length ?? 0) > 4096)
      throw invalid("embed description must be 4096 or fewer in length");
    if (fields.length > 25) throw invalid("embed fields must have 25 or fewer items");
    for (const field of fields) {
      if (field.name.length > 256) throw invalid("embed field name must be 256 or fewer in length");
      if (field.value.length > 1024) throw invalid("embed field value must be 1024 or fewer in length");
      total += field.name.length + field.value.length;
    }
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
    total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  }
  if (total > 6000) throw invalid("embeds must have 6000 or fewer characters in total");
  return embeds as APIEmbed[];
}

const BUTTON = 2;
const LINK = 5;

/** Action rows of buttons, as Discord checks them: ≤ 5 rows of ≤ 5 buttons, custom ids ≤ 100 and unique. */
export function validateComponents(components: unknown): unknown[] {
  if (components === undefined || components === null) return [];
  if (!Array.isArray(components)) throw invalid("components must be an array");
  if (components.length > 5) throw invalid("components must have 5 or fewer action rows");
  const ids = new Set<string>();
  for (const row of components as Array<{ type?: unknown; components?: unknown }>) {
    if (row.type !== 1 || !Array.isArray(row.components))
      throw invalid("each top-level component must be an action row");
    if (row.components.length < 1 || row.components.length > 5)
      throw invalid("an action row must have 1 to 5 components");
    for (const button of row.components as Array<Record<string, unknown>>) {
      if (button.type !== BUTTON) throw invalid(`component type ${String(button.type)} is not simulated`);
      if (typeof button.label === "string" && button.label.length > 80)
        throw invalid("button label must be 80 or fewer in length");
      if (button.style === LINK) {
        if (typeof button.url !== "string") throw invalid("a link button needs a url");
        continue;
      }
      const id = button.custom_id;
      if (typeof id !== "string" || id.length < 1 || id.length > 100)
        throw invalid("custom_id must be 1 to 100 characters");
      if (ids.has(id)) throw invalid(`custom_id ${id} is used twice in one message`);
      ids.add(id);
    }
  }
  return components;
}
