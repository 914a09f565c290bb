// Time-zone search for autocomplete. Intl lists ICU's names, some of them legacy (Asia/Calcutta,
// Europe/Kiev) and without UTC; members type cities with spaces ("new york"), current names
// ("kyiv") and abbreviations ("pst"). Every value offered is a zone /quiz setup and /settings accept.
import type { ApplicationCommandOptionChoiceData } from "discord.js";

/** Legacy name → current name, both accepted; the current one is offered as the value. */
const renamed: Readonly<Record<string, string>> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Europe/Kiev": "Europe/Kyiv",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "America/Godthab": "America/Nuuk",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Uzhgorod": "Europe/Kyiv",
  "Europe/Zaporozhye": "Europe/Kyiv",
};

/** Common abbreviations, each mapped to the zone most people mean by it. */
const abbreviations: Readonly<Record<string, string>> = {
  UTC: "UTC",
  GMT: "UTC",
  PST: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  PT: "America/Los_Angeles",
  MST: "America/Denver",
  MDT: "America/Denver",
  CST: "America/Chicago",
  CDT: "America/Chicago",
  EST: "America/New_York",
  EDT: "America/New_York",
  ET: "America/New_York",
  BST: "Europe/London",
  WET: "Europe/Lisbon",
  CET: "Europe/Berlin",
  CEST: "Europe/Berlin",
  EET: "Europe/Athens",
  MSK: "Europe/Moscow",
  IST: "Asia/Kolkata",
  SGT: "Asia/Singapore",
  HKT: "Asia/Hong_Kong",
  JST: "Asia/Tokyo",
  KST: "Asia/Seoul",
  AEST: "Australia/Sydney",
  AEDT: "Australia/Sydney",
  NZST: "Pacific/Auckland",
  BRT: "America/Sao_Paulo",
};

type Entry = { value: string; label: string; keys: string[] };

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

function buildEntries(): Entry[] {
  const byValue = new Map<string, Entry>();
  const add = (value: string, alias?: string) => {
    const entry = byValue.get(value) ?? { value, label: value, keys: [normalise(value)] };
    if (alias) entry.keys.push(normalise(alias));
    byValue.set(value, entry);
  };
  add("UTC");
  for (const zone of Intl.supportedValuesOf("timeZone")) {
    const current = renamed[zone];
    if (current) add(current, zone);
    else add(zone);
  }
  for (const [abbreviation, zone] of Object.entries(abbreviations)) {
    add(zone, abbreviation);
    const entry = byValue.get(zone);
    if (entry && abbreviation !== zone) entry.label = `${zone} (${abbreviationsOf(zone).join("/")})`;
  }
  return [...byValue.values()];
}

function abbreviationsOf(zone: string): string[] {
  return Object.entries(abbreviations)
    .filter(([abbreviation, target]) => target === zone && abbreviation !== zone)
    .map(([abbreviation]) => abbreviation);
}

const entries = buildEntries();

/** Every zone name offered (current names, plus UTC). */
export const timeZoneNames: readonly string[] = entries.map((entry) => entry.value);

/**
 * Zones matching what the member typed: an exact abbreviation first, then names whose city starts with
 * it, then any name containing it; at most 25 (Discord's limit).
 */
export function timeZoneChoices(typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const needle = normalise(typed);
  const rank = (entry: Entry): number => {
    if (needle === "") return 3;
    if (entry.keys.some((key) => key === needle)) return 0;
    if (entry.keys.some((key) => key.split("/").at(-1)?.startsWith(needle))) return 1;
    if (entry.keys.some((key) => key.includes(needle))) return 2;
    return Number.POSITIVE_INFINITY;
  };
  return entries
    .map((entry) => ({ entry, rank: rank(entry) }))
    .filter(({ rank: r }) => Number.isFinite(r))
    .sort((a, b) => a.rank - b.rank || a.entry.value.localeCompare(b.entry.value))
    .slice(0, 25)
    .map(({ entry }) => ({ name: entry.label, value: entry.value }));
}
