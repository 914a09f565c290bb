// Member-facing wording for a renewal plan and for what a pass changed.
import { describeUnknown, formatCertLabel, formatProvenance, joinWords } from "./describe-format.js";
import type { PassOutcome } from "./expiry.js";
import type { PlannedRenewal, PlanStep, RenewalPlan } from "./plan.js";

function formatPlanned(renewal: PlannedRenewal): string {
  if (!renewal.chain || renewal.chain.links.length === 0) return renewal.code;
  const via = renewal.chain.codes.slice(1, -1);
  const route = via.length > 0 ? `via ${via.join(" → ")}: ` : "";
  return `${renewal.code} (${route}${formatProvenance(renewal.chain)})`;
}

function formatStep(step: PlanStep, index: number, today: string): string {
  const parts = [
    `${index + 1}. Take ${formatCertLabel(step.exam)} before ${step.deadline} to renew ${joinWords(step.renews.map(formatPlanned))}`,
  ];
  if (step.opensOn) parts.push(`; the renewal exam opens on ${step.opensOn}`);
  if (step.alsoRenews.length > 0) parts.push(`; it also extends ${joinWords(step.alsoRenews)}`);
  if (step.earnsNew) parts.push(`; you also earn ${step.exam.code}`);
  const versions = step.exam.upcoming.filter((u) => u.from > today && u.from <= step.deadline);
  for (const version of versions) {
    parts.push(
      ` (${version.examCode} expected from ${version.from}${version.confirmed ? "" : ", unconfirmed"})`,
    );
  }
  return `${parts.join("")}.`;
}

export function describePlan(plan: RenewalPlan | { kind: "invalid-date"; input: string }): string {
  if (plan.kind === "invalid-date") return `“${plan.input}” is not a date: write it YYYY-MM-DD.`;
  const lines: string[] = [];
  if (plan.steps.length === 0) {
    lines.push(
      `No exam needed: nothing you hold that can be renewed expires between ${plan.today} and ${plan.horizonEnd}.`,
    );
  } else {
    const count = plan.steps.length === 1 ? "1 exam" : `${plan.steps.length} exams`;
    lines.push(
      `Renewal plan for ${plan.today} to ${plan.horizonEnd}: ${count}, ${plan.totalMinutes} minutes of exams.`,
    );
    lines.push(...plan.steps.map((step, index) => formatStep(step, index, plan.today)));
  }
  for (const option of plan.nonExam) {
    lines.push(
      `${option.renews} can also be renewed without an exam: ${option.name} (${option.note ?? option.provenance}).`,
    );
  }
  if (plan.unrenewable.length > 0) {
    const items = plan.unrenewable.map((h) => `${h.code} (expires ${h.expiresOn})`);
    lines.push(`No exam available can renew ${joinWords(items)}: it stays valid until it expires.`);
  }
  if (plan.lapsed.length > 0) {
    const items = plan.lapsed.map((h) => `${h.code} (expired ${h.expiresOn})`);
    lines.push(`Already lapsed, so it must be earned again: ${joinWords(items)}.`);
  }
  return lines.join("\n");
}

export function describePass(outcome: PassOutcome): string {
  switch (outcome.kind) {
    case "unknown":
      return describeUnknown(outcome);
    case "invalid-date":
      return `“${outcome.input}” is not a date: write it YYYY-MM-DD.`;
    case "exam-retired":
      return `${formatCertLabel(outcome.cert)} can't be passed any more: the exam was retired (last exam day ${outcome.lastExamDay}).`;
    case "applied":
      break;
  }
  const [own, ...others] = outcome.changes;
  const verb = { earned: "earned", "re-earned": "earned again", renewed: "renewed" };
  const lines = [
    `Passing ${formatCertLabel(outcome.passed)} on ${outcome.passDate}: ${outcome.passed.code} ${own ? verb[own.how] : "recorded"}, now valid until ${own?.expiresOn ?? "?"}.`,
  ];
  if (others.length > 0) {
    const items = others.map((c) => {
      const via = c.chain ? ` ${c.chain.codes.join(" → ")}, ${formatProvenance(c.chain)}` : "";
      return `${c.code} until ${c.expiresOn} (was ${c.previousExpiresOn ?? "—"};${via})`;
    });
    lines.push(`Also renewed: ${joinWords(items)}.`);
  }
  if (outcome.lapsed.length > 0) {
    const items = outcome.lapsed.map((h) => `${h.code} (expired ${h.expiresOn})`);
    lines.push(`Not renewed because already lapsed, so it must be earned again: ${joinWords(items)}.`);
  }
  return lines.join("\n");
}
