// What a reminder says: which certification expires when, and the exam to take to renew it, chosen by
// the planner so that one exam also covers the member's other certifications expiring soon.
import { type CalendarDate, findCertification, type HeldCert, planRenewals } from "../renewal/index.js";

function inDays(daysLeft: number): string {
  if (daysLeft === 0) return "today";
  if (daysLeft === 1) return "tomorrow";
  return `in ${daysLeft} days`;
}

function joinCodes(codes: readonly string[]): string {
  if (codes.length <= 1) return codes.join("");
  return `${codes.slice(0, -1).join(", ")} and ${codes.at(-1)}`;
}

export function composeReminder(
  expiring: { code: string; expiresOn: CalendarDate; daysLeft: number },
  held: readonly HeldCert[],
  today: CalendarDate,
): string {
  const cert = findCertification(expiring.code);
  const label = cert ? `**${expiring.code}** (${cert.name})` : `**${expiring.code}**`;
  const lines = [
    `⏰ Your ${label} certification expires on **${expiring.expiresOn}**, ${inDays(expiring.daysLeft)}.`,
  ];
  // Four months reach past the 90-day reminder, so the expiring certification is always in the plan.
  const plan = planRenewals(held, { today, horizonMonths: 4 });
  const step =
    plan.kind === "plan" ? plan.steps.find((s) => s.renews.some((r) => r.code === expiring.code)) : undefined;
  if (step) {
    const exam = step.exam.examCode ?? step.exam.code;
    const others = step.renews.map((r) => r.code).filter((code) => code !== expiring.code);
    const also = others.length > 0 ? `; it also renews ${joinCodes(others)}` : "";
    lines.push(`To renew it, pass **${exam}** (${step.exam.name}) by ${step.deadline}${also}.`);
  } else {
    lines.push("No exam available renews it any more: it stays valid until it expires.");
  }
  if (plan.kind === "plan" && plan.nonExam.some((option) => option.renews === expiring.code)) {
    const option = plan.nonExam.find((o) => o.renews === expiring.code);
    if (option) lines.push(`Without an exam: ${option.name}.`);
  }
  lines.push(
    `Other exams that renew it: \`/renewal renewed-by cert:${expiring.code}\` · your plan: \`/certs plan\` · stop these: \`/certs reminders state:off\``,
  );
  return lines.join("\n");
}
