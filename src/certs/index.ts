// Members' certifications: what they hold, passes, the planner over their own certifications, and
// expiry reminders. No discord.js here; the Discord layer translates these values into replies.
export { type DateInput, parsePastDate, todayOf } from "./dates.js";
export {
  type AddOutcome,
  addCertification,
  type CertStatus,
  certStatus,
  expiringSoonDays,
  type ListedCert,
  listCertifications,
  loadHeld,
  type RemoveOutcome,
  removeCertification,
} from "./member-certs.js";
export { type ReminderSetting, remindersOn, setReminders } from "./member-settings.js";
export { defaultPlanMonths, type MemberPlan, maxPlanMonths, planForMember } from "./plan-for-member.js";
export { describeProblem, type InputProblem, isInputProblem } from "./problems.js";
export { type RecordedPass, type RecordPassOutcome, recordPass } from "./record-pass.js";
export { composeReminder } from "./reminder-text.js";
export {
  type DueReminder,
  dueThreshold,
  findDueReminders,
  markReminderFailed,
  markReminderSent,
  type ReminderKey,
  reminderDays,
} from "./reminders.js";
export { certificationChoiceLabel, maxChoices, searchCertifications } from "./search.js";
export { setSharing, sharesIn } from "./sharing.js";
