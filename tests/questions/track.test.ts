import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { trackSchema } from "../../src/questions/track.js";

const aif = async () =>
  parse(await readFile("questions/AIF-C01/track.yaml", "utf8")) as Record<string, unknown>;

describe("track schema", () => {
  it("reads an exam's pace and word ranges", async () => {
    const track = trackSchema.parse(await aif());
    expect(track.pace).toEqual({ minutes: 90, questions: 65 });
    expect(track.wording).toEqual({ stemWords: [25, 110], optionWords: [1, 40] });
  });

  it("requires the word ranges and wants them fewest first", async () => {
    const { wording: _, ...withoutWording } = await aif();
    const missing = trackSchema.safeParse(withoutWording);
    expect(missing.error?.issues.map((issue) => issue.path.join("."))).toEqual(["wording"]);
    const upsideDown = trackSchema.safeParse({
      ...(await aif()),
      wording: { stemWords: [110, 25], optionWords: [1, 40] },
    });
    expect(upsideDown.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([
      "wording.stemWords: must be [fewest, most]",
    ]);
  });
});
