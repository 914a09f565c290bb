import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
} from "discord.js";
import type { Track } from "../questions/track.js";
import { listQuizChannels } from "../quiz/channels.js";
import type { CommandContext } from "./command.js";
import { UserError } from "./user-error.js";

/** The `exam` option several commands share, autocompleted from the loaded tracks. */
export const examOption = {
  type: ApplicationCommandOptionType.String,
  name: "exam",
  description: "Which exam, e.g. AIP-C01",
  autocomplete: true,
  max_length: 20,
} as const satisfies APIApplicationCommandBasicOption;

/** The exam a member typed, matched without regard to case; a typo is a clear error, not an empty result. */
export function resolveExam(tracks: ReadonlyMap<string, Track>, typed: string | null): string | undefined {
  if (typed === null) return undefined;
  const exam = [...tracks.keys()].find((code) => code.toLowerCase() === typed.trim().toLowerCase());
  if (!exam) throw new UserError(`Unknown exam \`${typed}\`. Known exams: ${[...tracks.keys()].join(", ")}.`);
  return exam;
}

/** The exam typed, else the server's first quiz channel's, else the only (or first) loaded track. */
export async function studyTrack(ctx: CommandContext, guildId: string, typed: string | null): Promise<Track> {
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
