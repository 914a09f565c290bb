import type { ApplicationCommandOptionChoiceData } from "discord.js";
import { timeZoneChoices, timeZoneNames } from "./time-zones.js";

/** Every time zone offered; matchingChoices searches it by city, legacy name and abbreviation. */
export const timeZones: readonly string[] = timeZoneNames;

/** Autocomplete choices (at most 25, Discord's limit) among values containing what the member typed. */
export function matchingChoices(
  values: readonly string[],
  typed: string,
): ApplicationCommandOptionChoiceData<string>[] {
  // Time zones need more than a substring match ("new york", "kyiv", "pst"): see time-zones.ts.
  if (values === timeZones) return timeZoneChoices(typed);
  const needle = typed.trim().toLowerCase();
  return values
    .filter((value) => value.toLowerCase().includes(needle))
    .slice(0, 25)
    .map((value) => ({ name: value, value }));
}
