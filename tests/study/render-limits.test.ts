import { describe, expect, it } from "vitest";
import { embedProblems } from "../../src/discord/render/embed-limits.js";
import { studyFeedbackEmbed, studyQuestionEmbed } from "../../src/discord/render/study.js";
import type { Question } from "../../src/questions/question.js";
import { limits } from "../../src/questions/question.js";
import { loadTrack } from "../stats/seed.js";

const track = loadTrack("AIP-C01");
const letters = ["A", "B", "C", "D", "E", "F"] as const;
/** The longest question the checker accepts: 1,400-character stem, six 400-character options. */
const longest: Question = {
  id: "x".repeat(80),
  exam: "AIP-C01",
  domain: 4,
  task: "4.1",
  type: "multiple",
  choose: 2,
  difficulty: 3,
  stem: "S".repeat(limits.stem),
  options: Object.fromEntries(letters.map((letter) => [letter, `${letter}${"o".repeat(limits.option - 1)}`])),
  answer: ["A", "C"],
  explanations: Object.fromEntries(
    letters.map((letter) => [letter, `${letter}${"e".repeat(limits.explanation - 1)}`]),
  ),
  references: Array.from({ length: 3 }, (_, i) => `https://docs.aws.amazon.com/${"p".repeat(120)}/${i}.html`),
  tags: [],
  added: "2026-12-01",
} as Question;

describe("practice and mock embeds at the question limits", () => {
  const heading = { label: "AIP-C01 practice", position: 50, size: 50, mode: "practice" } as const;

  it("fit a question of the longest kind, in full, within Discord's limits", () => {
    const embed = studyQuestionEmbed(longest, track, heading, [
      "",
      "🔁 a reason line",
      "So far: 49 of 49 right.",
    ]);
    expect(embedProblems(embed)).toEqual([]);
    expect(embed.description).toContain(longest.stem);
    for (const letter of letters) expect(embed.description).toContain(longest.options[letter]);
  });

  it("fit the feedback with every explanation in full, shortening option texts instead", () => {
    const embed = studyFeedbackEmbed(longest, track, heading, ["A", "B"], ["So far: 49 of 49 right."]);
    expect(embedProblems(embed)).toEqual([]);
    for (const letter of letters) expect(embed.description).toContain(longest.explanations[letter]);
    expect(embed.description).toContain("**Answer: A, C** · you picked A, B");
  });

  it("never show the question's file id", () => {
    const shown = JSON.stringify([
      studyQuestionEmbed(longest, track, heading, []),
      studyFeedbackEmbed(longest, track, heading, ["A"]),
    ]);
    expect(shown).not.toContain(longest.id);
  });
});
