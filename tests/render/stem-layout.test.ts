import { describe, expect, it } from "vitest";
import { renderingProblems } from "../../src/discord/render/check-rendering.js";
import { questionEmbed } from "../../src/discord/render/question.js";
import { stemLayout } from "../../src/discord/render/stem-layout.js";
import type { LoadedQuestion } from "../../src/questions/load-bank.js";
import { limits } from "../../src/questions/question.js";
import type { Track } from "../../src/questions/track.js";

describe("the posted stem", () => {
  it("keeps the author's paragraphs and sets the question sentence apart in bold", () => {
    const stem =
      "A bank runs a chatbot.\nIt must mask account numbers. It must refuse advice.\nWhich feature meets these requirements?";
    expect(stemLayout(stem)).toBe(
      "A bank runs a chatbot.\n\nIt must mask account numbers. It must refuse advice.\n\n**Which feature meets these requirements?**",
    );
  });

  it("splits the question sentence off a stem written as one paragraph", () => {
    expect(stemLayout("A team stores images. Which service fits best?")).toBe(
      "A team stores images.\n\n**Which service fits best?**",
    );
    expect(stemLayout("Which statement describes a token?")).toBe("**Which statement describes a token?**");
  });

  it("leaves a stem that does not end in a question as it was written, paragraphs apart", () => {
    expect(stemLayout("Order the phases.\nStart with the goal.")).toBe(
      "Order the phases.\n\nStart with the goal.",
    );
  });

  it("fits Discord's limits with every field at its largest", () => {
    const paragraph = `${"word ".repeat(59)}word.`;
    const scenario = [paragraph, paragraph, paragraph, paragraph].join("\n");
    const stem = `${scenario}\nWhich ${"x".repeat(limits.stem - scenario.length - 8)}?`;
    const letters = ["A", "B", "C", "D", "E", "F"] as const;
    const question: LoadedQuestion = {
      id: "x".repeat(limits.id),
      exam: "AIP-C01",
      domain: 1,
      task: "1.1",
      type: "multiple",
      choose: 3,
      difficulty: 3,
      decision: "d".repeat(limits.decision),
      stem,
      options: Object.fromEntries(letters.map((letter) => [letter, letter.repeat(limits.option)])),
      answer: ["A", "B", "C"],
      explanations: Object.fromEntries(letters.map((letter) => [letter, letter.repeat(limits.explanation)])),
      references: [1, 2, 3].map((n) => `https://docs.aws.amazon.com/${"p".repeat(200)}/${n}.html`),
      tags: [],
      added: "2026-12-02",
      file: "max.yaml",
      contentHash: "0",
    };
    expect(question.stem).toHaveLength(limits.stem);
    expect(renderingProblems(question)).toEqual([]);
    const track: Track = {
      exam: "AIP-C01",
      name: "AIP-C01",
      provider: "aws",
      certification: "AIP",
      passingScore: 750,
      scoreRange: [100, 1000],
      reference: "https://docs.aws.amazon.com/",
      pace: { minutes: 180, questions: 75 },
      wording: { stemWords: [90, 180], optionWords: [12, 70] },
      domains: [{ number: 1, name: "Domain", weight: 100, tasks: { "1.1": "Task" } }],
    };
    const posted = questionEmbed(question, track, { number: 1, sequence: 1, closesAt: new Date() });
    expect(posted.description?.split("\n\n").slice(0, 5)).toEqual([
      paragraph,
      paragraph,
      paragraph,
      paragraph,
      expect.stringMatching(/^\*\*Which x+\?\*\*$/),
    ]);
  });
});
