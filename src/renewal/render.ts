// Renders the renewal graph to PNG in-process: Graphviz (WASM) lays it out as SVG, resvg rasterises it.
// resvg draws text only with fonts it is given, so the font file is loaded explicitly (font.ts).
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { Resvg } from "@resvg/resvg-js";
import { type Catalog, findCertification, getCatalog } from "./catalog.js";
import { defaultFontFile, resvgFont } from "./font.js";
import { buildRenewalDot } from "./render-dot.js";

export { defaultFontFile };

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
  const font = resvgFont(options.fontFile ?? defaultFontFile);
  const svg = await renderRenewalSvg(options);
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "width", value: options.width ?? 1400 },
    font,
  });
  return resvg.render().asPng();
}
