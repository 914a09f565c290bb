import type { Client } from "discord.js";
import type { AppContext } from "./context.js";
import type { QuizRuntime } from "./discord/quiz-runtime.js";
import { createReminderJob } from "./discord/reminders.js";
import type { Job } from "./scheduler.js";

/** Every periodic job the scheduler runs each minute, in order. Each decides from the database what is due. */
export function createJobs(_ctx: AppContext, _client: Client, quiz: QuizRuntime, retention: Job): Job[] {
  return [quiz.job, createReminderJob(_ctx, _client), retention];
}
