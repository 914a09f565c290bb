import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { renderingProblems } from "../../src/discord/render/check-rendering.js";
import { formatProblem, loadQuestionBank } from "../../src/questions/load-bank.js";

const fixtures = "tests/fixtures/bank";
const file = (name: string) => `${fixtures}/TEST-C01/${name}`;

describe("questions:check", () => {
  it("reports each kind of broken file with its file, line and column", async () => {
    const bank = await loadQuestionBank(fixtures, renderingProblems);
    const lines = bank.problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        `${file("domain-1/unknown-field.yaml")}:22:1 hint: is not a known field`,
        `${file("domain-1/missing-explanation.yaml")}:16:3 explanations: is missing the explanation for C`,
        `${file("domain-1/answer-not-option.yaml")}:14:9 answer.0: E is not among the options`,
        `${file("domain-2/dup.yaml")}:1:5 id: duplicates the id of ${file("domain-1/dup.yaml")}`,
        expect.stringMatching(
          /near-duplicate\.yaml:7:7 stem: is \d+% the same as the stem of .*good-question\.yaml$/,
        ),
        `${file("domain-1/unknown-task.yaml")}:4:7 task: TEST-C01 domain 1 has no task 1.9 (it has 1.1)`,
        `${file("domain-1/long-option.yaml")}:11:6 options.B: is 431 characters; the limit is 400`,
        `${file("domain-2/wrong-folder.yaml")}:3:9 domain: is 1 but the file is in domain-2/`,
        expect.stringMatching(
          /multiple-without-choose\.yaml:\d+:\d+ choose: is required for a multiple question$/,
        ),
        expect.stringMatching(/broken-yaml\.yaml:\d+:\d+ yaml: /),
      ]),
    );
    expect(bank.problems).toHaveLength(10);
  });

  it("still loads the good files when others are broken", async () => {
    const bank = await loadQuestionBank(fixtures);
    expect(bank.questions.map((question) => question.id).sort()).toEqual(["dup", "good-question"]);
    expect(bank.questions[0]?.answer).toEqual(["A"]);
  });

  it("exits non-zero on the broken fixtures; the real bank loads whole and AIF-C01 keeps every rule", async () => {
    const run = promisify(execFile);
    await expect(run("npx", ["tsx", "src/discord/check-questions-cli.ts", fixtures])).rejects.toMatchObject({
      code: 1,
    });
    const output = await run("npx", ["tsx", "src/discord/check-questions-cli.ts"]);
    expect(output.stdout.trim().split("\n").at(-1)).toMatch(
      /^\d+ questions loaded \(AIF-C01: \d+, AIP-C01: \d+\), 0 problems/,
    );
    const bank = await loadQuestionBank("questions", renderingProblems);
    expect(bank.problems).toEqual([]);
  });
});
