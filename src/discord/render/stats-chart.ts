// The /stats chart: one bar per exam domain for the member's accuracy, with the domain's exam weight
// beneath it on the same 0–100 % scale and a dashed line at the share of points the pass mark needs.
// The SVG is written by hand and rasterised by resvg with an explicitly loaded font (see renewal/render.ts).
import { Resvg } from "@resvg/resvg-js";
import { defaultFontFile, resvgFont } from "../../renewal/font.js";
import type { Readiness } from "../../stats/readiness.js";

const width = 940;
const barX = 300;
const barWidth = 480;
const rowHeight = 58;
const headerHeight = 64;
const colours = { good: "#16a34a", weak: "#f59e0b", none: "#cbd5e1", weight: "#64748b", text: "#0f172a" };

export function statsChartSvg(exams: readonly Readiness[]): string {
  const parts: string[] = [];
  let y = 0;
  for (const exam of exams) {
    parts.push(examSection(exam, y));
    y += headerHeight + exam.domains.length * rowHeight + 16;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}"`,
    ` font-family="DejaVu Sans" font-size="14">`,
    `<rect width="${width}" height="${y}" fill="#ffffff"/>`,
    ...parts,
    "</svg>",
  ].join("");
}

function examSection(exam: Readiness, top: number): string {
  const [low, high] = exam.scoreRange;
  const passShare = (exam.passingScore - low) / (high - low);
  const passX = barX + barWidth * passShare;
  const bottom = top + headerHeight + exam.domains.length * rowHeight;
  const title = `${exam.exam} · readiness ≈ ${exam.score} (pass ${exam.passingScore})${exam.lowConfidence ? " · low confidence" : ""}`;
  const out = [
    `<text x="20" y="${top + 30}" font-size="20" fill="${colours.text}">${escapeXml(title)}</text>`,
    `<text x="${barX}" y="${top + 54}" fill="${colours.weight}">bar: your accuracy · grey: exam weight · dashed: pass mark</text>`,
  ];
  exam.domains.forEach((domain, index) => {
    const y = top + headerHeight + index * rowHeight;
    const share = domain.accuracy ?? 0;
    const colour =
      domain.accuracy === undefined ? colours.none : share >= passShare ? colours.good : colours.weak;
    const label = `${domain.number}. ${domain.name}`;
    const value =
      domain.accuracy === undefined
        ? "no answers yet"
        : `${Math.round(share * 100)}% (${domain.correct}/${domain.answered})`;
    out.push(
      `<text x="20" y="${y + 20}" fill="${colours.text}">${escapeXml(truncate(label, 34))}</text>`,
      `<rect x="${barX}" y="${y + 6}" width="${barWidth}" height="18" fill="#f1f5f9"/>`,
      `<rect x="${barX}" y="${y + 6}" width="${(barWidth * share).toFixed(1)}" height="18" fill="${colour}"/>`,
      `<text x="${barX + barWidth + 8}" y="${y + 20}" fill="${colours.text}">${escapeXml(value)}</text>`,
      `<rect x="${barX}" y="${y + 28}" width="${((barWidth * domain.weight) / 100).toFixed(1)}" height="8" fill="${colours.weight}"/>`,
      `<text x="${barX + barWidth + 8}" y="${y + 38}" font-size="12" fill="${colours.weight}">weight ${domain.weight}%</text>`,
    );
  });
  out.push(
    `<line x1="${passX.toFixed(1)}" y1="${top + headerHeight}" x2="${passX.toFixed(1)}" y2="${bottom}" stroke="#dc2626" stroke-dasharray="5,4"/>`,
  );
  return out.join("");
}

/** The chart as PNG; the font file is required because resvg draws no text without one. */
export function renderStatsChartPng(exams: readonly Readiness[], fontFile = defaultFontFile): Buffer {
  const resvg = new Resvg(statsChartSvg(exams), { background: "white", font: resvgFont(fontFile) });
  return resvg.render().asPng();
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
