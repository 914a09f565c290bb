import { privacyButtons } from "../commands/privacy.js";
import type { ComponentHandler } from "../component.js";
import { examButtons } from "./exam.js";
import { practiceButtons } from "./practice.js";
import { quizButtons } from "./quiz.js";

/** Every button handler, by the first part of its custom id (`<feature>:<action>:<ids…>`). */
export const components: readonly ComponentHandler[] = [
  practiceButtons,
  examButtons,
  quizButtons,
  privacyButtons,
];
