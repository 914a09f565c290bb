import { z } from "zod";

export const letters = ["A", "B", "C", "D", "E", "F"] as const;
export type Letter = (typeof letters)[number];

/** Limits chosen so that the posted question and its reveal always fit a Discord embed on a phone. */
export const limits = { stem: 1400, option: 400, explanation: 600, id: 80, decision: 120 } as const;

const letter = z.enum(letters, { error: "must be a letter A–F" });
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: "is empty" })
    .max(max, {
      error: (issue) => `is ${String((issue.input as string).length)} characters; the limit is ${max}`,
    });

const awsUrl = z
  .url({ error: "must be a URL" })
  .refine(
    (url) => /^https:\/\/([a-z0-9-]+\.)*(amazon\.com|aws\.amazon\.com|amazonaws\.com|aws)(\/|$)/.test(url),
    {
      error: "must be an https:// link to AWS documentation",
    },
  );

/** One question file, as written by an author. Field-level rules only; bank-level rules live in the loader. */
export const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "must be lower-case words joined by dashes" }),
    exam: z.string().min(1),
    domain: z.number().int().positive(),
    task: z.union([z.string(), z.number().transform(String)]),
    type: z.enum(["single", "multiple"]),
    choose: z.number().int().min(2).max(3).optional(),
    difficulty: z.number().int().min(1).max(3),
    stem: text(limits.stem),
    options: z.partialRecord(letter, text(limits.option)),
    answer: z.union([letter.transform((one) => [one]), z.array(letter).min(1)]),
    explanations: z.partialRecord(letter, text(limits.explanation)),
    references: z.array(awsUrl).min(1, { error: "needs at least one AWS documentation link" }).max(3),
    /** The design decision the question tests, in a few words; two questions must not share one. */
    decision: text(limits.decision).optional(),
    tags: z.array(z.string().min(1)).default([]),
    added: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be YYYY-MM-DD" }), z.date()]),
  })
  .strict()
  .superRefine((question, ctx) => {
    const offered = Object.keys(question.options) as Letter[];
    const expected = letters.slice(0, offered.length);
    if (offered.length < 3 || offered.length > 6) {
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: `has ${offered.length} options; use 3 to 6`,
      });
    } else if (offered.join("") !== expected.join("")) {
      ctx.addIssue({ code: "custom", path: ["options"], message: `must be ${expected.join(", ")} in order` });
    }
    question.answer.forEach((answer, index) => {
      if (!offered.includes(answer)) {
        ctx.addIssue({
          code: "custom",
          path: ["answer", index],
          message: `${answer} is not among the options`,
        });
      }
    });
    if (new Set(question.answer).size !== question.answer.length) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "names a letter twice" });
    }
    if (question.type === "single" && question.answer.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: "a single question has exactly one answer" });
    }
    if (question.type === "multiple") {
      if (question.choose === undefined) {
        ctx.addIssue({ code: "custom", path: ["choose"], message: "is required for a multiple question" });
      } else if (question.answer.length !== question.choose) {
        ctx.addIssue({
          code: "custom",
          path: ["answer"],
          message: `has ${question.answer.length} letters; choose is ${question.choose}`,
        });
      }
    }
    if (/\(\s*(choose|select)\s+\w+\s*\.?\s*\)/i.test(question.stem)) {
      ctx.addIssue({
        code: "custom",
        path: ["stem"],
        message: 'leave out "(Choose two.)": the bot adds it from type and choose',
      });
    }
    if (question.type === "single" && question.choose !== undefined) {
      ctx.addIssue({ code: "custom", path: ["choose"], message: "only a multiple question has choose" });
    }
    for (const option of offered) {
      if (!question.explanations[option]) {
        ctx.addIssue({
          code: "custom",
          path: ["explanations"],
          message: `is missing the explanation for ${option}`,
        });
      }
    }
    for (const explained of Object.keys(question.explanations)) {
      if (!offered.includes(explained as Letter)) {
        ctx.addIssue({
          code: "custom",
          path: ["explanations", explained],
          message: `explains ${explained}, which is not an option`,
        });
      }
    }
  })
  .transform(({ added, answer, ...rest }) => ({
    ...rest,
    added: typeof added === "string" ? added : added.toISOString().slice(0, 10),
    answer: [...answer].sort() as Letter[],
  }));

export type Question = z.infer<typeof questionSchema>;

export function optionLetters(question: Pick<Question, "options">): Letter[] {
  return letters.filter((letter) => question.options[letter] !== undefined);
}
