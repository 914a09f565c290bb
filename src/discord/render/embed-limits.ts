import { type APIEmbed, embedLength } from "discord.js";

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const embedLimits = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  fields: 25,
  total: 6000,
};

/** Everything in an embed that would make Discord reject the message, as readable sentences. */
export function embedProblems(embed: APIEmbed): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, limit: number) => {
    if (length > limit) problems.push(`${what} is ${length} characters; Discord allows ${limit}`);
  };
  over("the title", embed.title?.length ?? 0, embedLimits.title);
  over("the description", embed.description?.length ?? 0, embedLimits.description);
  over("the footer", embed.footer?.text.length ?? 0, embedLimits.footer);
  const fields = embed.fields ?? [];
  if (fields.length > embedLimits.fields) problems.push(`it has ${fields.length} fields; Discord allows 25`);
  for (const field of fields) {
    over(`the field "${field.name}" name`, field.name.length, embedLimits.fieldName);
    over(`the field "${field.name}"`, field.value.length, embedLimits.fieldValue);
  }
  over("the whole embed", embedLength(embed), embedLimits.total);
  return problems;
}
