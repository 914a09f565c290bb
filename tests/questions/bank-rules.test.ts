import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { bankRuleProblems } from "../../src/questions/bank-rules.js";
import { formatProblem, loadQuestionBank } from "../../src/questions/load-bank.js";

const rules = "tests/fixtures/rules";
const file = (bank: string, name: string) => `${rules}/${bank}/RULE-C01/domain-1/${name}.yaml`;

/** Every problem `questions:check` reports for a fixture bank: the loader's and the bank rules'. */
async function problemsOf(bank: string): Promise<string[]> {
  const loaded = await loadQuestionBank(`${rules}/${bank}`);
  return [...loaded.problems, ...bankRuleProblems(loaded)].map(formatProblem);
}

describe("bank rules", () => {
  it("pass a bank that keeps every rule, spread over all ten pairs and with a few longest answers", async () => {
    expect(await problemsOf("clean")).toEqual([]);
  });

  it("name each file whose correct option is strictly the longest once an exam goes over 35 %", async () => {
    const share =
      "the correct option is strictly the longest, as in 4 of 10 RULE-C01 single-answer questions (40 %; at most 35 %)";
    expect(await problemsOf("longest-share")).toEqual([
      `${file("longest-share", "single-01")}:13:6 options.A: ${share}`,
      `${file("longest-share", "single-02")}:14:6 options.B: ${share}`,
      `${file("longest-share", "single-03")}:15:6 options.C: ${share}`,
      `${file("longest-share", "single-04")}:16:6 options.D: ${share}`,
    ]);
  });

  it("hold a single answer to 1.2 × the longest wrong option", async () => {
    expect(await problemsOf("ratio")).toEqual([
      `${file("ratio", "ratio")}:14:6 options.B: the correct option is 2.05 × as long as the longest wrong one (A); keep it at most 1.2 ×`,
    ]);
  });

  it("report a letter pair no choose-two question uses, on the track", async () => {
    expect(await problemsOf("pair-missing")).toEqual([
      `${rules}/pair-missing/RULE-C01/track.yaml:1:7 exam: no choose-two question of the 20 in RULE-C01 is answered AB: spread the answers over every letter pair`,
    ]);
  });

  it("report every question of a pair that answers more than 3 × its fair share", async () => {
    const problems = await problemsOf("pair-crowded");
    expect(problems).toHaveLength(8);
    for (const problem of problems)
      expect(problem).toMatch(
        /pair-\d+\.yaml:19:9 answer: CE answers 8 of the 20 RULE-C01 choose-two questions; a pair may answer at most 3 × its fair share \(2\.0\)$/,
      );
  });

  it("hold stems and options to the word ranges of the exam's track", async () => {
    expect(await problemsOf("stem-words")).toEqual([
      `${file("stem-words", "stem-words")}:8:7 stem: is 79 words; RULE-C01 stems are 10–60`,
    ]);
    expect(await problemsOf("option-words")).toEqual([
      `${file("option-words", "option-words")}:16:6 options.D: is 1 word; RULE-C01 options are 2–30`,
    ]);
    expect(await problemsOf("median-option")).toEqual([
      `${rules}/median-option/RULE-C01/track.yaml:14:22 wording.medianOptionWords: the median RULE-C01 option is 9 words; it should be at least 12`,
    ]);
  });

  it("want the question sentence alone in the stem's last paragraph", async () => {
    expect(await problemsOf("stem-layout")).toEqual([
      `${file("stem-layout", "no-question")}:8:7 stem: must end with the question sentence, ending with "?"`,
      `${file("stem-layout", "one-paragraph")}:8:7 stem: has more than the question sentence in its last paragraph; move the rest above it`,
    ]);
  });

  it("flag a phrase only the stem and the correct option share", async () => {
    expect(await problemsOf("answer-naming")).toEqual([
      `${file("answer-naming", "answer-naming")}:15:6 options.C: shares "cold archive" with the stem and no wrong option does: reword it, or let wrong options use it too`,
    ]);
  });

  it("require a decision, and flag a decision another question already tests", async () => {
    expect(await problemsOf("decision-missing")).toEqual([
      `${file("decision-missing", "decision-missing")}:1:1 decision: is required: name the design decision the question tests`,
    ]);
    expect(await problemsOf("decision-duplicate")).toEqual([
      `${file("decision-duplicate", "second-decision")}:7:11 decision: is the decision of ${file("decision-duplicate", "first-decision")}: test another decision`,
    ]);
  });

  it("make questions:check exit 1 on a broken fixture bank and 0 on the clean one", async () => {
    const run = promisify(execFile);
    await expect(
      run("npx", ["tsx", "src/discord/check-questions-cli.ts", `${rules}/ratio`]),
    ).rejects.toMatchObject({
      code: 1,
    });
    const { stdout } = await run("npx", ["tsx", "src/discord/check-questions-cli.ts", `${rules}/clean`]);
    expect(stdout).toMatch(/^32 questions loaded \(RULE-C01: 32\), 0 problems/);
  });
});
