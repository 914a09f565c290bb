import { z } from "zod";

const wordRange = z
  .tuple([z.number().int().positive(), z.number().int().positive()])
  .refine(([low, high]) => low <= high, { error: "must be [fewest, most]" });

/** An exam track (questions/<EXAM>/track.yaml): a new exam is data, not code. */
export const trackSchema = z
  .object({
    exam: z.string().regex(/^[A-Z0-9]+-[A-Z0-9]+$/, { error: "must look like AIP-C01" }),
    name: z.string().min(1),
    provider: z.enum(["aws", "gcp"]),
    certification: z.string().min(1),
    passingScore: z.number().int().positive(),
    scoreRange: z.tuple([z.number().int(), z.number().int()]),
    reference: z.url(),
    /** The real exam's pace: so many questions in so many minutes. */
    pace: z.object({ minutes: z.number().positive(), questions: z.number().int().positive() }).strict(),
    /** How long this exam's items are: the checker holds every question to these ranges. */
    wording: z
      .object({
        stemWords: wordRange,
        optionWords: wordRange,
        /** The median option of the exam has at least this many words. */
        medianOptionWords: z.number().int().positive().optional(),
      })
      .strict(),
    domains: z
      .array(
        z
          .object({
            number: z.number().int().positive(),
            name: z.string().min(1),
            weight: z.number().positive().max(100),
            tasks: z.record(
              z.string().regex(/^\d+\.\d+$/, { error: "task ids look like 1.4" }),
              z.string().min(1),
            ),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((track, ctx) => {
    const total = track.domains.reduce((sum, domain) => sum + domain.weight, 0);
    if (total !== 100)
      ctx.addIssue({ code: "custom", path: ["domains"], message: `weights add up to ${total}, not 100` });
    track.domains.forEach((domain, index) => {
      for (const task of Object.keys(domain.tasks)) {
        if (!task.startsWith(`${domain.number}.`)) {
          ctx.addIssue({
            code: "custom",
            path: ["domains", index, "tasks", task],
            message: "belongs to another domain",
          });
        }
      }
    });
  });

export type Track = z.infer<typeof trackSchema>;

export function findDomain(track: Track, domain: number) {
  return track.domains.find((candidate) => candidate.number === domain);
}
