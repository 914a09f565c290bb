// Start-up self-check: draws a word once with the font every picture uses, so a missing or unreadable
// font is named in the log when the bot starts, not when a member first asks for /stats or /renewal
// graph. Only resvg and the font are loaded here: Graphviz (WebAssembly, ~20 MB once instantiated) is
// loaded on the first /renewal graph.
import { Resvg } from "@resvg/resvg-js";
import { defaultFontFile, fontFamily, resvgFont } from "../../renewal/font.js";

/** Undefined when text renders; otherwise what went wrong, in one line. */
export async function pictureProblem(fontFile = defaultFontFile): Promise<string | undefined> {
  try {
    const font = resvgFont(fontFile);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="10" y="28" font-size="20" font-family="${fontFamily}">Abc 123</text></svg>`;
    const image = new Resvg(svg, { font }).render();
    // Nothing but a transparent background: resvg could not use the font and drew no text.
    if (!image.pixels.some((value) => value !== 0)) return `the font drew no text: ${fontFile}`;
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
