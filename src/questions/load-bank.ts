import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { locate, locateKey } from "./locate.js";
import { type Question, questionSchema } from "./question.js";
import { similarPairs, stemBigrams } from "./similar.js";
import { bankThresholds } from "./thresholds.js";
import { findDomain, type Track, trackSchema } from "./track.js";

/** One problem in one file, reported as `file:line:column field: message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

export interface LoadedQuestion extends Question {
  file: string;
  /** Hash of the validated content: a change makes a new revision. */
  contentHash: string;
}

export interface QuestionBank {
  tracks: Map<string, Track>;
  /** Where each track was read from (its displayed path). */
  trackFiles: Map<string, string>;
  questions: LoadedQuestion[];
  problems: Problem[];
  /** Where a field stands in a loaded file (its displayed path), for problems found later. */
  where: (file: string, path: readonly PropertyKey[]) => { line: number; column: number };
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.field}: ${problem.message}`;
}

/** Extra per-question checks from outside the core, e.g. "the rendered embed fits Discord's limits". */
export type QuestionCheck = (question: LoadedQuestion) => { field: string; message: string }[];

/**
 * Loads every track (questions/<EXAM>/track.yaml) and its question files. A bad file is reported and
 * skipped; every good one still loads.
 */
export async function loadQuestionBank(root: string, check?: QuestionCheck): Promise<QuestionBank> {
  const locators = new Map<string, Locator>();
  const bank: QuestionBank = {
    tracks: new Map(),
    trackFiles: new Map(),
    questions: [],
    problems: [],
    where: (file, path) => locators.get(file)?.(path) ?? { line: 1, column: 1 },
  };
  const folders = (await readdir(root, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  for (const folder of folders.sort((a, b) => a.name.localeCompare(b.name))) {
    const trackFile = join(root, folder.name, "track.yaml");
    const track = await loadYaml(trackFile, trackSchema, bank.problems);
    if (!track) continue;
    bank.tracks.set(track.value.exam, track.value);
    bank.trackFiles.set(track.value.exam, displayPath(trackFile));
    locators.set(displayPath(trackFile), track.at);
    for (const file of await yamlFiles(join(root, folder.name))) {
      const loaded = await loadYaml(file, questionSchema, bank.problems);
      if (!loaded) continue;
      const question = { ...loaded.value, file: displayPath(file), contentHash: hashOf(loaded.value) };
      const problems = [...checkAgainstTrack(question, track.value), ...(check?.(question) ?? [])];
      locators.set(question.file, loaded.at);
      if (problems.length === 0) bank.questions.push(question);
      for (const problem of problems)
        bank.problems.push({ file: question.file, ...loaded.at([problem.field]), ...problem });
    }
  }
  bank.problems.push(...checkAcrossBank(bank.questions, bank.where));
  bank.questions = bank.questions.filter(
    (question) => !bank.problems.some((problem) => problem.file === question.file),
  );
  return bank;
}

type Locator = (path: readonly PropertyKey[]) => { line: number; column: number };

async function loadYaml<S extends z.ZodType>(file: string, schema: S, problems: Problem[]) {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    problems.push({ file: displayPath(file), line: 1, column: 1, field: "file", message: "cannot be read" });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at: Locator = (path) => locate(doc, lineCounter, path);
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      problems.push({
        file: displayPath(file),
        line,
        column: col,
        field: "yaml",
        message: error.message.split("\n")[0] ?? "",
      });
    }
    return undefined;
  }
  const result = schema.safeParse(doc.toJS(), { reportInput: true });
  if (result.success) return { value: result.data as z.infer<S>, at };
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "(file)";
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const position = locateKey(doc, lineCounter, issue.path, key);
        problems.push({
          file: displayPath(file),
          ...position,
          field: [...issue.path, key].join("."),
          message: "is not a known field",
        });
      }
      continue;
    }
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    problems.push({
      file: displayPath(file),
      ...at(issue.path),
      field,
      message: missing ? "is required" : issue.message,
    });
  }
  return undefined;
}

function checkAgainstTrack(question: LoadedQuestion, track: Track): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const expectedId = basename(question.file, ".yaml");
  if (question.id !== expectedId)
    problems.push({ field: "id", message: `must equal the file name (${expectedId})` });
  if (question.exam !== track.exam)
    problems.push({
      field: "exam",
      message: `is ${question.exam} but the file is in the ${track.exam} track`,
    });
  const domain = findDomain(track, question.domain);
  if (!domain) {
    problems.push({ field: "domain", message: `${track.exam} has no domain ${question.domain}` });
  } else if (!(question.task in domain.tasks)) {
    problems.push({
      field: "task",
      message: `${track.exam} domain ${domain.number} has no task ${question.task} (it has ${Object.keys(domain.tasks).join(", ")})`,
    });
  }
  const folder = basename(dirname(question.file));
  if (/^domain-\d+$/.test(folder) && folder !== `domain-${question.domain}`) {
    problems.push({ field: "domain", message: `is ${question.domain} but the file is in ${folder}/` });
  }
  return problems;
}

function checkAcrossBank(questions: LoadedQuestion[], where: QuestionBank["where"]): Problem[] {
  const problems: Problem[] = [];
  const bankProblem = (question: LoadedQuestion, field: string, message: string): Problem => ({
    file: question.file,
    ...where(question.file, [field]),
    field,
    message,
  });
  const firstById = new Map<string, LoadedQuestion>();
  for (const question of questions) {
    const first = firstById.get(question.id);
    if (first) problems.push(bankProblem(question, "id", `duplicates the id of ${first.file}`));
    else firstById.set(question.id, question);
  }
  const stems = questions.map((question) => stemBigrams(question.stem));
  for (const { index, earlier, similarity } of similarPairs(stems, bankThresholds.nearDuplicateStem)) {
    const question = questions[index] as LoadedQuestion;
    const message = `is ${Math.round(similarity * 100)}% the same as the stem of ${questions[earlier]?.file}`;
    problems.push(bankProblem(question, "stem", message));
  }
  return problems;
}

async function yamlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".yaml") && entry.name !== "track.yaml")
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function hashOf(question: Question): string {
  return createHash("sha256").update(JSON.stringify(question)).digest("hex").slice(0, 16);
}

function displayPath(file: string): string {
  return relative(process.cwd(), file) || file;
}
