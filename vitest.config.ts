import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Tests whose result does not depend on DATABASE_URL: pure logic, the local Discord server, the
 * playground, and the start-up tests that always run the bot on an embedded database in DATA_DIR.
 * `npm test` runs them with the rest; CI's second run, on Postgres, runs only the "database" project.
 */
const sameOnEveryDatabase = [
  "tests/certs/search.test.ts",
  "tests/discord/**/*.test.ts",
  "tests/discord-server/**/*.test.ts",
  "tests/e2e/embedded-database-lock.test.ts",
  "tests/e2e/start-command.test.ts",
  "tests/lint/**/*.test.ts",
  "tests/log/**/*.test.ts",
  "tests/playground/**/*.test.ts",
  "tests/questions/!(sync|bank-fingerprint).test.ts",
  "tests/quiz/answer-rules.test.ts",
  "tests/quiz/schedule.test.ts",
  "tests/render/**/*.test.ts",
  "tests/scheduler/**/*.test.ts",
  "tests/renewal/**/*.test.ts",
  "tests/study/**/*.test.ts",
];

export default defineConfig({
  test: {
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Most test time is spent waiting (child processes, the local Discord server's timers, Discord's rate
    // limits), so one worker more than vitest's default of cores − 1: 2 on a 2-core machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: "database", include: ["tests/**/*.test.ts"], exclude: sameOnEveryDatabase },
      },
      { extends: true, test: { name: "no-database", include: sameOnEveryDatabase } },
    ],
  },
});
