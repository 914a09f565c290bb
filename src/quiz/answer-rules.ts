import type { Letter } from "../questions/question.js";

/** How a posting takes answers: from its question and its quiz channel's settings. */
export interface AnswerRules {
  /** Letters in a complete answer: 1, or the question's "choose N". */
  required: number;
  policy: "first" | "last";
  /** The bot removes every answer reaction after recording it, so nobody can copy. */
  hidden: boolean;
}

/** A member's answer to one posting, as stored. */
export interface AnswerState {
  /** Sorted letters, e.g. "AC"; "" for no answer. */
  choices: string;
  /**
   * Hidden answers only: letters whose reaction is still on the message as far as the bot knows (added,
   * not yet removed). A second add of a held letter is the same click delivered twice, never a new click.
   */
  held: string;
  locked: boolean;
}

export const noAnswer: AnswerState = { choices: "", held: "", locked: false };

export interface Applied {
  state: AnswerState;
  /** The member's reactions the bot should remove (replaced, locked out, hidden, or invalid). */
  tidy: Letter[];
}

/**
 * One reaction change applied to a member's answer. Replaying the same change (a duplicate delivery, a
 * resumed gateway session) leaves the answer as it was:
 * - shown answers: the answer is the set of letters the member holds (single-answer: the newest letter);
 * - hidden answers: an add of a letter not held toggles it (single-answer: replaces), a remove only
 *   notes that the reaction is gone;
 * - policy "first": the first complete answer locks, and later reactions are removed.
 */
export function applyReaction(
  before: AnswerState,
  change: { letter: Letter; kind: "add" | "remove" },
  rules: AnswerRules,
): Applied {
  const { letter } = change;
  if (rules.hidden) {
    if (change.kind === "remove")
      return { state: { ...before, held: without(before.held, letter) }, tidy: [] };
    if (before.held.includes(letter) || before.locked)
      return { state: { ...before, held: withLetter(before.held, letter) }, tidy: [letter] };
    const choices =
      rules.required === 1
        ? letter
        : before.choices.includes(letter)
          ? without(before.choices, letter)
          : withLetter(before.choices, letter);
    return {
      state: lock({ choices, held: withLetter(before.held, letter), locked: false }, rules),
      tidy: [letter],
    };
  }
  if (before.locked)
    return { state: before, tidy: change.kind === "add" && !before.choices.includes(letter) ? [letter] : [] };
  if (change.kind === "remove")
    return { state: { ...before, choices: without(before.choices, letter) }, tidy: [] };
  if (rules.required === 1) {
    const replaced = [...before.choices].filter((other) => other !== letter) as Letter[];
    return { state: lock({ ...before, choices: letter }, rules), tidy: replaced };
  }
  return { state: lock({ ...before, choices: withLetter(before.choices, letter) }, rules), tidy: [] };
}

/**
 * Brings a member's answer in line with the reactions Discord shows them holding (after a restart, a
 * reconnect, or before a question closes). Never toggles: reading the same reactions twice changes
 * nothing the second time.
 * - Shown answers: the answer is what the member holds. On a single-answer question several letters are
 *   no valid answer unless the recorded one is among them (it is kept); the others are removed.
 * - Hidden answers: a reaction still on the message is a click: held letters were recorded already; any
 *   other letter is added (single-answer: it replaces, when it is the only one). All are then removed.
 * - A locked answer stays as it is.
 */
export function settleToReactions(
  before: AnswerState,
  visible: readonly Letter[],
  rules: AnswerRules,
): Applied {
  const shown = [...new Set(visible)].sort() as Letter[];
  if (rules.hidden) {
    const fresh = shown.filter((letter) => !before.held.includes(letter));
    let choices = before.choices;
    if (!before.locked && fresh.length > 0) {
      if (rules.required > 1) choices = fresh.reduce(withLetter, before.choices);
      else if (fresh.length === 1) choices = fresh[0] ?? "";
      else if (!fresh.includes(before.choices as Letter)) choices = "";
    }
    // Every shown letter is recorded now, so each still counts as held until its removal is seen.
    return { state: lock({ choices, held: shown.join(""), locked: before.locked }, rules), tidy: shown };
  }
  if (before.locked)
    return { state: before, tidy: shown.filter((letter) => !before.choices.includes(letter)) };
  if (rules.required === 1 && shown.length > 1) {
    const kept = shown.includes(before.choices as Letter) ? before.choices : "";
    return { state: { ...before, choices: kept }, tidy: shown.filter((letter) => letter !== kept) };
  }
  return { state: lock({ ...before, choices: shown.join("") }, rules), tidy: [] };
}

function lock(state: AnswerState, rules: AnswerRules): AnswerState {
  return rules.policy === "first" && state.choices.length >= rules.required
    ? { ...state, locked: true }
    : state;
}

function withLetter(letters: string, letter: string): string {
  return letters.includes(letter) ? letters : [...letters, letter].sort().join("");
}

function without(letters: string, letter: string): string {
  return letters.replace(letter, "");
}
