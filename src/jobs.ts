import type { Client } from "discord.js";
import type { AppContext } from "./context.js";
import type { QuizRuntime } from "./discord/quiz-runtime.js";
import { createReminderJob } from "./discord/reminders.js";
import type { Job } from "./scheduler.js";
import { finishExpiredMocks } from "./study/mock-exam.js";

/** Every periodic job the scheduler runs each minute, in order. Each decides from the database what is due. */
export function createJobs(ctx: AppContext, client: Client, quiz: QuizRuntime, retention: Job): Job[] {
  return [quiz.job, createReminderJob(ctx, client), finishExpiredMocksJob(ctx), retention];
}

/** Mocks whose time ran out are scored at their deadline, so /exam history is right even if nobody clicks. */
function finishExpiredMocksJob(ctx: AppContext): Job {
  return {
    name: "mock-deadlines",
    async run(now) {
      const finished = await finishExpiredMocks(ctx, now);
      if (finished > 0) ctx.log.info({ finished }, "mock exams finished at their deadline");
    },
  };
}
