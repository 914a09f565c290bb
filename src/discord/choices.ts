import type { ApplicationCommandOptionChoiceData } from "discord.js";

/** Autocomplete choices (at most 25, Discord's limit) among values containing what the member typed. */
export function matchingChoices(
  values: readonly string[],
  typed: string,
): ApplicationCommandOptionChoiceData<string>[] {
  const needle = typed.trim().toLowerCase();
  return values
    .filter((value) => value.toLowerCase().includes(needle))
    .slice(0, 25)
    .map((value) => ({ name: value, value }));
}

export const timeZones: readonly string[] = Intl.supportedValuesOf("timeZone");
