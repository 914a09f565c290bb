// The options several commands share: their definitions, and how a member's input becomes a value.
import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
} from "discord.js";
import { certificationChoiceLabel, describeProblem, searchCertifications } from "../certs/index.js";
import type { Track } from "../questions/track.js";
import { listQuizChannels } from "../quiz/channels.js";
import { type Certification, resolveCertification } from "../renewal/index.js";
import type { Period } from "../stats/zone.js";
import type { CommandContext } from "./command.js";
import { UserError } from "./user-error.js";

/** A subcommand with its options, typed as written so a handler's arguments follow from them. */
export const subcommand = <const N extends string, const O extends APIApplicationCommandBasicOption[]>(
  name: N,
  description: string,
  options: O,
) => ({ type: ApplicationCommandOptionType.Subcommand, name, description, options }) as const;

/** The `exam` option several commands share, autocompleted from the loaded tracks. */
export const examOption = {
  type: ApplicationCommandOptionType.String,
  name: "exam",
  description: "Which exam, e.g. AIP-C01",
  autocomplete: true,
  max_length: 20,
} as const satisfies APIApplicationCommandBasicOption;

/** The exam a member typed, matched without regard to case; a typo is a clear error, not an empty result. */
export function resolveExam(
  tracks: ReadonlyMap<string, Track>,
  typed: string | undefined,
): string | undefined {
  if (typed === undefined) return undefined;
  const exam = [...tracks.keys()].find((code) => code.toLowerCase() === typed.trim().toLowerCase());
  if (!exam) throw new UserError(`Unknown exam \`${typed}\`. Known exams: ${[...tracks.keys()].join(", ")}.`);
  return exam;
}

/** The exam typed, else the server's first quiz channel's, else the only (or first) loaded track. */
export async function studyTrack(
  ctx: CommandContext,
  guildId: string,
  typed: string | undefined,
): Promise<Track> {
  const exam =
    resolveExam(ctx.tracks, typed) ??
    (await listQuizChannels(ctx.db, guildId)).find((channel) => ctx.tracks.has(channel.exam))?.exam ??
    [...ctx.tracks.keys()][0];
  const track = exam ? ctx.tracks.get(exam) : undefined;
  if (!track) throw new UserError("No exam is loaded yet: ask the bot's operator to add questions.");
  return track;
}

export async function respondWithExams(
  interaction: AutocompleteInteraction,
  tracks: ReadonlyMap<string, Track>,
) {
  const typed = String(interaction.options.getFocused()).toLowerCase();
  const exams = [...tracks.values()].filter((track) =>
    `${track.exam} ${track.name}`.toLowerCase().includes(typed),
  );
  await interaction.respond(
    exams
      .slice(0, 25)
      .map((track) => ({ name: `${track.exam} · ${track.name}`.slice(0, 100), value: track.exam })),
  );
}

/** The `period` option of rankings: this week (the default), this month, or all time. */
export const periodOption = {
  type: ApplicationCommandOptionType.String,
  name: "period",
  description: "This week, this month, or all time (default: this week)",
  choices: [
    { name: "this week", value: "week" },
    { name: "this month", value: "month" },
    { name: "all time", value: "all" },
  ],
} as const satisfies APIApplicationCommandBasicOption;

export function periodLabel(period: Period): string {
  return period === "all" ? "all time" : `this ${period}`;
}

/** A required certification option with autocomplete (autocompleteCertification). */
export function certOption<const N extends string>(name: N, description: string) {
  return {
    type: ApplicationCommandOptionType.String,
    name,
    description,
    required: true,
    autocomplete: true,
    max_length: 40,
  } as const satisfies APIApplicationCommandBasicOption;
}

/** The certification a member named, or a UserError saying it is unknown and what they may have meant. */
export function requireCertification(input: string): Certification {
  const found = resolveCertification(input);
  if (found.kind === "unknown") throw new UserError(describeProblem(found));
  return found.cert;
}

/** Autocomplete for any certification option: code, exam code or name, ignoring case, 25 at most. */
export async function autocompleteCertification(interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused();
  await interaction.respond(
    searchCertifications(focused).map((cert) => ({ name: certificationChoiceLabel(cert), value: cert.code })),
  );
}
