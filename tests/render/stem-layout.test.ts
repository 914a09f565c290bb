import { describe, expect, it } from "vitest";
import { renderingProblems } from "../../src/discord/render/check-rendering.js";
import { questionEmbed } from "../../src/discord/render/question.js";
import { stemLayout } from "../../src/discord/render/stem-layout.js";
import type { LoadedQuestion } from "../../src/questions/load-bank.js";
import { limits } from "../../src/questions/question.js";

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
    const paragraph = `${"word ".repeat(60).trim()}.`;
    const stem =
      `${[paragraph, paragraph, paragraph, paragraph].join("\n")}\n${"Which ".repeat(40).trim()}?`.slice(
        -limits.stem,
      );
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
      stem: `Q${stem.slice(1)}`,
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
    const posted = questionEmbed(question, { domains: [] } as never, { sequence: 1, closesAt: new Date() });
    expect(posted.description).toContain("**Which");
  });
});
