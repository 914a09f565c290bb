import { describe, expect, it } from "vitest";
import { loadQuestionBank } from "../../src/questions/load-bank.js";
import { questionRuleProblems } from "../../src/questions/question-rules.js";

/** single-05 of the clean fixture bank: answer A, "Jade tier keeping copies in an offsite locker". */
async function cleanQuestion() {
  const bank = await loadQuestionBank("tests/fixtures/rules/clean");
  const question = bank.questions.find((candidate) => candidate.id === "single-05");
  const track = bank.tracks.get("RULE-C01");
  if (!question || !track) throw new Error("the clean fixture bank did not load");
  return { question, track };
}

const naming = (problems: { message: string }[]) =>
  problems.filter((problem) => problem.message.startsWith("shares"));

describe("answer-naming", () => {
  it("flags a phrase the stem shares only with the correct option, in any form of its words", async () => {
    const { question, track } = await cleanQuestion();
    const stem =
      "The dental clinic keeps its x-ray scans in offsite lockers for six years.\nWhich shelf suits them?";
    const options = { ...question.options, D: "Teal tier keeping copies in a basement vault" };
    expect(naming(questionRuleProblems({ ...question, stem, options }, track))).toEqual([
      {
        field: "options.A",
        message:
          'shares "offsite locker" with the stem and no wrong option does: reword it, or let wrong options use it too',
      },
    ]);
  });

  it("lets a phrase pass that a wrong option also uses, or that a stop word breaks", async () => {
    const { question, track } = await cleanQuestion();
    const sharedWithWrong = "The clinic rents an offsite locker for six years.\nWhich shelf suits the scans?";
    expect(question.options.D).toBe("Teal tier keeping copies in an offsite locker");
    expect(naming(questionRuleProblems({ ...question, stem: sharedWithWrong }, track))).toEqual([]);
    const brokenByStopWord =
      "The clinic keeps a locker that is offsite for its scans.\nWhich shelf suits the scans?";
    const onlyCorrect = { ...question.options, D: "Teal tier keeping copies in a basement vault" };
    expect(
      naming(questionRuleProblems({ ...question, stem: brokenByStopWord, options: onlyCorrect }, track)),
    ).toEqual([]);
  });
});
