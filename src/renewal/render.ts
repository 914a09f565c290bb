// Renders the renewal graph to PNG in-process: Graphviz (WASM) lays it out as SVG, resvg rasterises it.
// resvg draws text only with fonts it is given, and the slim Docker image ships none, so the font
// file is loaded explicitly and a missing one is reported with what to install.
import { existsSync } from "node:fs";
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { Resvg } from "@resvg/resvg-js";
import { type Catalog, findCertification, getCatalog } from "./catalog.js";
import { buildRenewalDot } from "./render-dot.js";

/** DejaVu Sans from the Debian package fonts-dejavu-core; no npm package installed here ships a font. */
export const defaultFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

export type RenderOptions = { highlight?: string; fontFile?: string; width?: number; catalog?: Catalog };

let graphviz: Promise<Graphviz> | undefined;

export async function renderRenewalSvg({
  highlight,
  catalog = getCatalog(),
}: RenderOptions = {}): Promise<string> {
  const code = highlight === undefined ? undefined : findCertification(highlight, catalog)?.code;
  if (highlight !== undefined && code === undefined)
    throw new Error(`unknown certification to highlight: ${highlight}`);
  graphviz ??= Graphviz.load();
  return (await graphviz).dot(buildRenewalDot(catalog, code === undefined ? {} : { highlight: code }), "svg");
}

export async function renderRenewalGraphPng(options: RenderOptions = {}): Promise<Buffer> {
  const fontFile = options.fontFile ?? defaultFontFile;
  if (!existsSync(fontFile)) {
    throw new Error(
      `font file not found: ${fontFile}. Install DejaVu (Debian/Ubuntu: apt-get install fonts-dejavu-core) or pass fontFile.`,
    );
  }
  const svg = await renderRenewalSvg(options);
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "width", value: options.width ?? 1400 },
    font: {
      fontFiles: [fontFile],
      loadSystemFonts: false,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
      serifFamily: "DejaVu Sans",
    },
  });
  return resvg.render().asPng();
}
