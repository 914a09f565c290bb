// Writes the renewal graph images used in docs/: npx tsx src/renewal/render-cli.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { renderRenewalGraphPng } from "./render.js";

const outDir = new URL("../../docs/img/", import.meta.url);
mkdirSync(outDir, { recursive: true });
const images: { file: string; highlight?: string }[] = [
  { file: "renewal-graph.png" },
  { file: "renewal-graph-aip.png", highlight: "AIP" },
];
for (const { file, highlight } of images) {
  const png = await renderRenewalGraphPng(highlight ? { highlight } : {});
  writeFileSync(new URL(file, outDir), png);
  process.stdout.write(`wrote docs/img/${file} (${png.length} bytes)\n`);
}
