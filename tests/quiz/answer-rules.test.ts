import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Letter } from "../../src/questions/question.js";
import {
  type AnswerRules,
  type AnswerState,
  applyReaction,
  noAnswer,
  settleToReactions,
} from "../../src/quiz/answer-rules.js";

const rules = (overrides: Partial<AnswerRules> = {}): AnswerRules => ({
  required: 1,
  policy: "last",
  hidden: false,
  ...overrides,
});
const add = (letter: Letter) => ({ letter, kind: "add" as const });
const remove = (letter: Letter) => ({ letter, kind: "remove" as const });

function run(events: Array<{ letter: Letter; kind: "add" | "remove" }>, r: AnswerRules, from = noAnswer) {
  return events.reduce((state: AnswerState, event) => applyReaction(state, event, r).state, from);
}

describe("answer rules", () => {
  it("keeps the newest letter on a single-answer question and asks to remove the one it replaced", () => {
    const first = applyReaction(noAnswer, add("A"), rules());
    const second = applyReaction(first.state, add("C"), rules());
    expect(second.state.choices).toBe("C");
    expect(second.tidy).toEqual(["A"]);
  });

  it("takes the set of held letters on a choose-two question", () => {
    expect(run([add("D"), add("A"), add("C"), remove("D")], rules({ required: 2 })).choices).toBe("AC");
  });

  it("toggles a letter with hidden answers only when the bot saw the earlier reaction go", () => {
    const r = rules({ required: 2, hidden: true });
    // Click A (recorded, then removed by the bot), click C, click A again: A is taken back.
    const state = run([add("A"), remove("A"), add("C"), remove("C"), add("A"), remove("A")], r);
    expect(state.choices).toBe("C");
    expect(state.held).toBe("");
  });

  it("does not toggle a hidden answer off when the same reaction is delivered twice", () => {
    const r = rules({ required: 2, hidden: true });
    const once = run([add("A"), add("C")], r);
    const twice = run([add("A"), add("C"), add("A"), add("C")], r);
    expect(twice).toEqual(once);
    expect(twice.choices).toBe("AC");
  });

  it("settles a hidden choose-two answer to reactions already recorded without erasing it", () => {
    const r = rules({ required: 2, hidden: true });
    const recorded = run([add("B"), add("D")], r); // the bot has not removed the reactions yet
    const settled = settleToReactions(recorded, ["B", "D"], r);
    expect(settled.state.choices).toBe("BD");
    expect(settled.tidy).toEqual(["B", "D"]);
    expect(settleToReactions(settled.state, ["B", "D"], r).state).toEqual(settled.state);
  });

  it("adds a hidden reaction the bot never saw as a choice, never as a toggle", () => {
    const r = rules({ required: 2, hidden: true });
    const recorded = run([add("A"), remove("A")], r);
    expect(settleToReactions(recorded, ["A", "E"], r).state.choices).toBe("AE");
  });

  it("keeps the recorded letter when a single-answer member holds several, and removes the others", () => {
    const recorded = run([add("B")], rules());
    const settled = settleToReactions(recorded, ["A", "B", "D"], rules());
    expect(settled.state.choices).toBe("B");
    expect(settled.tidy).toEqual(["A", "D"]);
  });

  it("gives no valid answer when a single-answer member holds several letters and none was recorded", () => {
    const settled = settleToReactions(noAnswer, ["A", "D"], rules());
    expect(settled.state.choices).toBe("");
    expect(settled.tidy).toEqual(["A", "D"]);
  });

  it("locks the first complete answer under the first policy and removes later reactions", () => {
    const r = rules({ policy: "first" });
    const first = applyReaction(noAnswer, add("C"), r);
    expect(first.state.locked).toBe(true);
    const later = applyReaction(first.state, add("A"), r);
    expect(later.state.choices).toBe("C");
    expect(later.tidy).toEqual(["A"]);
    expect(settleToReactions(later.state, ["A", "C"], r).state.choices).toBe("C");
  });

  it("never stores more than one letter for a single-answer question, whatever the reactions", () => {
    const letter = fc.constantFrom<Letter>("A", "B", "C", "D");
    const event = fc.record({ letter, kind: fc.constantFrom<"add" | "remove">("add", "remove") });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 20 }),
        fc.array(letter, { maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom<"first" | "last">("first", "last"),
        (events, visible, hidden, policy) => {
          const r = rules({ hidden, policy });
          const state = settleToReactions(run(events, r), visible, r).state;
          return state.choices.length <= 1;
        },
      ),
    );
  });

  it("settles to the same answer however often the same reactions are read", () => {
    const letter = fc.constantFrom<Letter>("A", "B", "C", "D", "E");
    const event = fc.record({ letter, kind: fc.constantFrom<"add" | "remove">("add", "remove") });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 20 }),
        fc.array(letter, { maxLength: 5 }),
        fc.record({
          required: fc.constantFrom(1, 2),
          hidden: fc.boolean(),
          policy: fc.constantFrom<"first" | "last">("first", "last"),
        }),
        (events, visible, r) => {
          const once = settleToReactions(run(events, r), visible, r).state;
          const twice = settleToReactions(once, visible, r).state;
          expect(twice).toEqual(once);
        },
      ),
    );
  });
});
