// The font every PNG is drawn with. resvg draws text only with the fonts it is given, and systems
// differ (the slim Docker image, macOS, Windows and Alpine have no DejaVu in /usr/share/fonts), so
// the font ships as an npm dependency and is loaded from node_modules on every platform.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { ResvgRenderOptions } from "@resvg/resvg-js";

/** DejaVu Sans, from the dejavu-fonts-ttf package. */
export const defaultFontFile = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");

export const fontFamily = "DejaVu Sans";

/** Throws an error that names the file and what to do, instead of letting resvg draw blank text. */
function requireFontFile(fontFile: string): void {
  if (!existsSync(fontFile)) {
    throw new Error(
      `font file not found: ${fontFile}. It ships with the dejavu-fonts-ttf package: run npm ci (npm ci --omit=dev in production).`,
    );
  }
}

/** resvg's font options for every picture: this font and nothing from the system, once it is checked there. */
export function resvgFont(fontFile: string): NonNullable<ResvgRenderOptions["font"]> {
  requireFontFile(fontFile);
  return {
    fontFiles: [fontFile],
    loadSystemFonts: false,
    defaultFontFamily: fontFamily,
    sansSerifFamily: fontFamily,
    serifFamily: fontFamily,
  };
}
