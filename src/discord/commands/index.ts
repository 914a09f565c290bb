import type { Command } from "../command.js";
import { helpCommand } from "./help.js";
import { questionCommand } from "./question.js";

/** Every slash command the bot registers, in the order /help lists them. */
export const commands: readonly Command[] = [helpCommand, questionCommand];
