import { type FSWatcher, watch } from "node:fs";
import type { RunningBot } from "../app.js";
import { renderingProblems } from "../discord/render/check-rendering.js";
import type { Logger } from "../log.js";
import { formatProblem, loadQuestionBank } from "../questions/load-bank.js";
import { syncQuestionBank } from "../questions/sync.js";
import type { Track } from "../questions/track.js";

/** What the page shows an author about the bank: how many questions loaded and every checker problem. */
export interface BankStatus {
  folder: string;
  watching: boolean;
  loadedAt: string;
  questions: number;
  exams: string[];
  problems: string[];
}

/**
 * Loads the folder again with the same checks as `npm run questions:check` and syncs it into the bot's
 * database, so an edited question is what the next post or `/question preview` shows.
 */
export async function reloadQuestionBank(bot: RunningBot, folder: string, watching: boolean) {
  const bank = await loadQuestionBank(folder, renderingProblems);
  const skipped = [...new Set(bank.problems.map((problem) => problem.file))];
  await syncQuestionBank(bot.database.db, bank.questions, skipped);
  // The commands and the scheduler read this very map, so a track added to the folder works at once.
  const tracks = bot.ctx.tracks as Map<string, Track>;
  tracks.clear();
  for (const [exam, track] of bank.tracks) tracks.set(exam, track);
  const status: BankStatus = {
    folder,
    watching,
    loadedAt: bot.ctx.clock.now().toISOString(),
    questions: bank.questions.length,
    exams: [...bank.tracks.keys()],
    problems: bank.problems.map(formatProblem),
  };
  return status;
}

/** Calls `onChange` once a burst of file events has settled (editors write a file in several steps). */
export function watchFolder(folder: string, onChange: () => void, log: Logger, settleMs = 150): FSWatcher {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(folder, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
  });
  watcher.on("error", (error) => log.warn({ err: error, folder }, "cannot watch the question folder"));
  watcher.on("close", () => clearTimeout(timer));
  return watcher;
}
