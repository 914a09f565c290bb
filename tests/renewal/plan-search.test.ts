import { describe, expect, it } from "vitest";
import { findMinimumCover } from "../../src/renewal/plan-search.js";

const option = (code: string, minutes: number, covers: string[]) => ({
  code,
  minutes,
  covers: new Set(covers),
});

describe("findMinimumCover", () => {
  it("prefers fewer options even when they take longer", () => {
    const options = [option("A", 100, ["x"]), option("B", 100, ["y"]), option("C", 300, ["x", "y"])];
    expect(findMinimumCover(["x", "y"], options).map((o) => o.code)).toEqual(["C"]);
  });

  it("among equally few options, finds the fewest minutes even when it is not the first tried", () => {
    const options = [option("SLOW", 200, ["x", "y"]), option("FAST", 100, ["x", "y"])];
    expect(findMinimumCover(["x", "y"], options).map((o) => o.code)).toEqual(["FAST"]);
  });

  it("keeps searching equally small covers found later in the search", () => {
    const options = [
      option("A", 200, ["x"]),
      option("B", 100, ["x"]),
      option("C", 100, ["y"]),
      option("D", 100, ["y"]),
    ];
    expect(findMinimumCover(["x", "y"], options).map((o) => o.code)).toEqual(["B", "C"]);
  });

  it("breaks a full tie alphabetically", () => {
    const options = [option("ZED", 100, ["x"]), option("ABE", 100, ["x"])];
    expect(findMinimumCover(["x"], options).map((o) => o.code)).toEqual(["ABE"]);
  });

  it("ignores targets nothing can cover and returns nothing for nothing to do", () => {
    expect(findMinimumCover(["x", "nobody"], [option("A", 90, ["x"])]).map((o) => o.code)).toEqual(["A"]);
    expect(findMinimumCover([], [option("A", 90, ["x"])])).toEqual([]);
  });
});
