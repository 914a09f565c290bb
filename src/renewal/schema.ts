// The shape of certifications.yaml. Field-level checks live here; checks across records
// (unknown codes, duplicates, cycles) live in catalog-checks.ts because zod sees one record at a time.
import { z } from "zod";
import { isCalendarDate } from "./dates.js";

const calendarDate = z
  .string({ error: "must be a date written YYYY-MM-DD" })
  .refine(isCalendarDate, { error: "must be a real date written YYYY-MM-DD" });

const certCode = z.string({ error: "a certification code is required" }).regex(/^[A-Z]{2,4}(-[A-Z]{2,6})?$/, {
  error: "a code is 2-4 capital letters, optionally prefixed (GCP-PCA)",
});

const sourceUrl = z.url({
  protocol: /^https$/,
  error: (issue) =>
    issue.input === undefined
      ? "source is missing: every renewal needs an https URL"
      : "source must be an https URL",
});

export const certificationSchema = z.strictObject({
  code: certCode,
  name: z.string().min(1),
  provider: z.enum(["aws", "gcp"]),
  level: z.enum(["foundational", "associate", "professional", "specialty"]),
  examCode: z
    .string()
    .regex(/^[A-Z]{3}-[A-Z]\d{2}$/, { error: "an exam code looks like AIP-C01" })
    .optional(),
  examMinutes: z.int().positive().optional(),
  validityMonths: z.int().positive(),
  renewalWindowDays: z.int().positive().optional(),
  status: z.enum(["active", "retired"]),
  retiredOn: calendarDate.optional(),
  upcoming: z
    .array(z.strictObject({ examCode: z.string(), from: calendarDate, confirmed: z.boolean() }))
    .default([]),
  notes: z.array(z.string()).default([]),
});

const provenance = z.enum(["official", "observed"], { error: "provenance must be official or observed" });

export const edgeSchema = z.strictObject({
  from: certCode,
  to: certCode,
  provenance,
  source: sourceUrl,
  checked: calendarDate,
  note: z.string().optional(),
});

export const nonExamRenewalSchema = z.strictObject({
  name: z.string().min(1),
  renews: certCode,
  provenance,
  source: sourceUrl,
  checked: calendarDate,
  note: z.string().optional(),
});

export const catalogFileSchema = z.strictObject({
  sources: z.array(z.strictObject({ url: z.url(), about: z.string(), checked: calendarDate })).default([]),
  certifications: z.array(certificationSchema).min(1),
  edges: z.array(edgeSchema),
  nonExamRenewals: z.array(nonExamRenewalSchema).default([]),
});

export type Certification = z.infer<typeof certificationSchema>;
export type Level = Certification["level"];
export type Provenance = z.infer<typeof provenance>;
export type RenewalEdge = z.infer<typeof edgeSchema>;
export type NonExamRenewal = z.infer<typeof nonExamRenewalSchema>;
export type CatalogFile = z.infer<typeof catalogFileSchema>;
