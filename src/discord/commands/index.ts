import type { Command } from "../command.js";
import { certsCommand } from "./certs.js";
import { examCommand } from "./exam.js";
import { groupCommand } from "./group.js";
import { helpCommand } from "./help.js";
import { leaderboardCommand } from "./leaderboard.js";
import { practiceCommand } from "./practice.js";
import { privacyCommand } from "./privacy.js";
import { questionCommand } from "./question.js";
import { quizCommand } from "./quiz.js";
import { renewalCommand } from "./renewal.js";
import { reviewCommand } from "./review.js";
import { settingsCommand } from "./settings.js";
import { statsCommand } from "./stats.js";

/** Every slash command the bot registers, in the order /help lists them. */
export const commands: readonly Command[] = [
  helpCommand,
  quizCommand,
  questionCommand,
  renewalCommand,
  certsCommand,
  leaderboardCommand,
  statsCommand,
  groupCommand,
  reviewCommand,
  practiceCommand,
  examCommand,
  settingsCommand,
  privacyCommand,
];
