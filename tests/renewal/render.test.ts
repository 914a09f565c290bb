import { describe, expect, it } from "vitest";
import { pictureProblem } from "../../src/discord/render/check-pictures.js";
import { getCatalog } from "../../src/renewal/catalog.js";
import { defaultFontFile, renderRenewalGraphPng } from "../../src/renewal/render.js";
import { buildRenewalDot } from "../../src/renewal/render-dot.js";

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("rendering the renewal graph", () => {
  it("returns a PNG of plausible size", async () => {
    const png = await renderRenewalGraphPng({ highlight: "aip" });
    expect(png.subarray(0, 8).equals(pngMagic)).toBe(true);
    expect(png.length).toBeGreaterThan(20_000);
    expect(png.length).toBeLessThan(2_000_000);
    expect(png.readUInt32BE(16)).toBe(1400); // IHDR width
  });

  it("draws observed edges dashed and colours the highlighted reach", () => {
    const dot = buildRenewalDot(getCatalog(), { highlight: "AIP" });
    expect(dot).toContain("AIP -> DEA [style=dashed");
    expect(dot).toContain('MLA -> AIF [style=solid, color="#e65100"');
    expect(dot).toContain("SAP -> SAA [style=solid];");
  });

  it("explains a missing font file instead of drawing blank text", async () => {
    await expect(renderRenewalGraphPng({ fontFile: "/nowhere/font.ttf" })).rejects.toThrow(
      /font file not found: \/nowhere\/font\.ttf\. It ships with the dejavu-fonts-ttf package/,
    );
  });

  it("draws with the font shipped as a dependency, on any system, and the start-up check passes", async () => {
    expect(defaultFontFile).toMatch(/node_modules[\\/]dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
    expect(await pictureProblem()).toBeUndefined();
  });

  it("names a font file resvg cannot draw with at start-up", async () => {
    expect(await pictureProblem("/nowhere/font.ttf")).toMatch(/font file not found: \/nowhere\/font\.ttf/);
    expect(await pictureProblem("package.json")).toBe("the font drew no text: package.json");
  });
});
