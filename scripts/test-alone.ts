/**
 * `npm run test:alone -- <test files…>`: runs every test of the given files alone, one at a time, as
 * `vitest run <file> -t <its name>` would, and lists the ones that fail alone. A test that passes in
 * the suite but not alone depends on what an earlier test of its file did.
 *
 * One vitest instance serves every run (its global setup runs once); each run starts the file afresh
 * in a new worker, so hooks, fixtures and module state are the test's alone.
 */
import type { TestCase, TestModule } from "vitest/node";
import { createVitest } from "vitest/node";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: npm run test:alone -- <test files…>");
  process.exit(2);
}
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const vitest = await createVitest("test", { watch: false, maxWorkers: 1, reporters: [{}] });
const failures: string[] = [];
let count = 0;
try {
  const specifications = await vitest.globTestSpecifications(files);
  for (const specification of specifications) {
    // Collect the file's tests by running nothing: an impossible name pattern.
    vitest.setGlobalTestNamePattern(/^$a/);
    const listed = await vitest.runTestSpecifications([specification]);
    const ofFile = (modules: readonly TestModule[]) =>
      modules.filter((module) => module.moduleId === specification.moduleId);
    const tests = ofFile(listed.testModules).flatMap((module) => [...module.children.allTests()]);
    for (const test of tests) {
      const name = test.fullName.replaceAll(" > ", " ");
      vitest.setGlobalTestNamePattern(new RegExp(`^${literal(name)}$`));
      const started = Date.now();
      const result = await vitest.runTestSpecifications([specification]);
      const modules = ofFile(result.testModules);
      const ran = modules.flatMap((module) => [...module.children.allTests()]);
      const states = ran.map((each: TestCase) => [each.fullName, each.result().state] as const);
      const passed = states.filter(([, state]) => state === "passed");
      const ok =
        passed.length === 1 &&
        states.every(([, state]) => state === "passed" || state === "skipped") &&
        result.unhandledErrors.length === 0 &&
        modules.every((module) => module.ok());
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (states.length > 0 && states.every(([, state]) => state === "skipped")) {
        console.log(`skip ${seconds}s ${specification.moduleId} > ${test.fullName}`);
        continue;
      }
      count += 1;
      const errors = ran.flatMap(
        (each: TestCase) => each.result().errors?.map((error) => error.message) ?? [],
      );
      const line = `${ok ? "pass" : "FAIL"} ${seconds}s ${specification.moduleId} > ${test.fullName}`;
      console.log(
        ok
          ? line
          : `${line}\n    ${errors.join("\n    ").slice(0, 600) || states.map((s) => s.join(": ")).join(", ")}`,
      );
      if (!ok) failures.push(`${specification.moduleId} > ${test.fullName}`);
    }
  }
} finally {
  await vitest.close();
}
console.log(`\n${count - failures.length} of ${count} tests pass alone.`);
for (const failure of failures) console.log(`fails alone: ${failure}`);
process.exit(failures.length > 0 ? 1 : 0);
