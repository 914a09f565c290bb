const conjunction = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/** Answer letters as a sentence says them: "B", "A and C", "A, C, and E". */
export function letterList(letters: Iterable<string>): string {
  return conjunction.format(letters);
}
