import type { ExamStats, Spread } from "./bank-stats.js";
import { bankThresholds } from "./thresholds.js";

/** Rows as columns padded to their widest cell: the first column left-aligned, figures right-aligned. */
function alignedRows(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    for (const [index, cell] of row.entries()) widths[index] = Math.max(widths[index] ?? 0, cell.length);
  return rows.map((row) =>
    row
      .map((cell, index) => {
        const width = widths[index] ?? 0;
        return index > 0 && /^[\d.]+( %)?$/.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd(),
  );
}

/** "label   value" lines, the values starting in one column. */
function labelledLines(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
}

const percent = (part: number, whole: number) =>
  whole === 0 ? "-" : `${Math.round((part / whole) * 100)} %`;
const range = ({ median, min, max }: Spread) => [String(median), `${min}-${max}`];
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .map(([key, count]) => `${key} ${count}`)
    .join("  ");

/** One exam's figures as plain, aligned text. */
export function examStatsText(stats: ExamStats, ruleProblems: number): string[] {
  const { track } = stats;
  const [stemLow, stemHigh] = track.wording.stemWords;
  const [optionLow, optionHigh] = track.wording.optionWords;
  const medianTarget = track.wording.medianOptionWords;
  return [
    `${track.exam} · ${track.name}`,
    `${stats.questions} questions: ${stats.single} single-answer, ${stats.multiple} multiple-answer`,
    "",
    ...alignedRows([
      ["domain", "questions", "share", "weight"],
      ...stats.domains.map((domain) => [
        `${domain.number} ${domain.name}`,
        String(domain.questions),
        percent(domain.questions, stats.questions),
        `${domain.weight} %`,
      ]),
    ]),
    "",
    ...alignedRows([
      ["task", "questions", "single", "multiple"],
      ...stats.tasks.map((task) => [
        task.task,
        String(task.single + task.multiple),
        String(task.single),
        String(task.multiple),
      ]),
    ]),
    "",
    ...alignedRows([
      ["words", "median", "range", "allowed"],
      ["stem", ...range(stats.stemWords), `${stemLow}-${stemHigh}`],
      [
        "option",
        ...range(stats.optionWords),
        `${optionLow}-${optionHigh}${medianTarget ? `, median >= ${medianTarget}` : ""}`,
      ],
    ]),
    "",
    ...labelledLines([
      ["correct letters", counts(stats.correctLetters)],
      ["choose-two pairs", counts(stats.pairs)],
      [
        "longest is correct",
        `${stats.longestCorrect} of ${stats.single} single-answer (${percent(stats.longestCorrect, stats.single)}; at most ${Math.round(bankThresholds.longestCorrectShare * 100)} %)`,
      ],
      [
        "correct / longest wrong",
        `mean ${stats.meanCorrectToLongestWrong.toFixed(2)}, highest ${stats.maxCorrectToLongestWrong.toFixed(2)} (each at most ${bankThresholds.correctToLongestWrong})`,
      ],
      [
        "reading load",
        `${Math.round(stats.meanWordsRead)} words a question (stem and options) = ${stats.readingMinutes.toFixed(1)} min at ${bankThresholds.readingWordsPerMinute} words/min`,
      ],
      [
        "exam pace",
        `${track.pace.minutes} min for ${track.pace.questions} questions = ${stats.paceMinutes.toFixed(1)} min each; reading takes ${percent(stats.readingMinutes, stats.paceMinutes)} of it`,
      ],
      ["bank-rule problems", String(ruleProblems)],
    ]),
  ];
}
