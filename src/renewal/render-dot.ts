// Builds the Graphviz DOT text for the AWS renewal graph: one row per level (Professional on top),
// Specialty in a box apart because it neither renews nor is renewed by another exam.
import type { Catalog } from "./catalog.js";
import { collectRenewed } from "./graph.js";
import type { Certification, Level } from "./schema.js";

const rows: { level: Level; title: string; fill: string }[] = [
  { level: "professional", title: "Professional", fill: "#fce4ec" },
  { level: "associate", title: "Associate", fill: "#e3f2fd" },
  { level: "foundational", title: "Foundational", fill: "#e8f5e9" },
];
const specialtyFill = "#f3e5f5";
const reachFill = "#ffcc80";
const highlightFill = "#ff9800";
const reachColor = "#e65100";
const font = 'fontname="DejaVu Sans"';

function quote(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n")}"`;
}

function formatNode(
  cert: Certification,
  fill: string,
  marked: ReadonlySet<string>,
  highlight?: string,
): string {
  const retired = cert.status === "retired" ? `\n(retired ${cert.retiredOn ?? ""})` : "";
  const label = `${cert.code} · ${cert.examCode ?? ""}\n${cert.name.replace(/ – \w+$/, "")}${retired}`;
  const color = cert.code === highlight ? highlightFill : marked.has(cert.code) ? reachFill : fill;
  const style = cert.status === "retired" ? "rounded,filled,dashed" : "rounded,filled";
  return `  ${cert.code} [label=${quote(label)}, fillcolor=${quote(color)}, style=${quote(style)}];`;
}

export type DotOptions = { highlight?: string };

export function buildRenewalDot(catalog: Catalog, { highlight }: DotOptions = {}): string {
  const aws = catalog.certifications.filter((cert) => cert.provider === "aws");
  const reach = highlight ? collectRenewed(highlight, catalog) : [];
  const marked = new Set(reach.map((r) => r.code));
  const markedEdges = new Set(reach.flatMap((r) => r.chain.links.map((link) => `${link.from}>${link.to}`)));
  const lines = [
    "digraph renewal {",
    `  graph [${font}, rankdir=TB, nodesep=0.3, ranksep=0.8, newrank=true, bgcolor="white", labelloc=t, fontsize=18,`,
    `    label=${quote(`AWS certification renewal${highlight ? `: what passing ${highlight} renews` : ""}\nA → B: passing A also renews B · solid = official · dashed = observed`)}];`,
    `  node [${font}, shape=box, fontsize=11, margin="0.15,0.06", color="#455a64"];`,
    `  edge [${font}, color="#546e7a", arrowsize=0.8];`,
    `  node [shape=plaintext, style="", fontsize=14]; ${rows.map((row) => `row_${row.level} [label=${quote(row.title)}]`).join("; ")};`,
    `  ${rows.map((row) => `row_${row.level}`).join(" -> ")} [style=invis];`,
    "  node [shape=box];",
  ];
  for (const row of rows) {
    const certs = aws.filter((cert) => cert.level === row.level);
    lines.push(`  { rank=same; row_${row.level}; ${certs.map((cert) => cert.code).join("; ")} }`);
    lines.push(...certs.map((cert) => formatNode(cert, row.fill, marked, highlight)));
  }
  const specialty = aws.filter((cert) => cert.level === "specialty");
  lines.push(
    `  subgraph cluster_specialty { label="Specialty: renewed only by its own exam"; fontsize=12; style="rounded"; color="#9575cd";`,
  );
  lines.push(...specialty.map((cert) => `  ${formatNode(cert, specialtyFill, marked, highlight)}`));
  lines.push(`    ${specialty.map((cert) => cert.code).join(" -> ")} [style=invis];`, "  }");
  for (const edge of catalog.edges) {
    const on = markedEdges.has(`${edge.from}>${edge.to}`);
    const style = edge.provenance === "observed" ? "dashed" : "solid";
    const colour = on ? `, color=${quote(reachColor)}, penwidth=2.4` : "";
    lines.push(`  ${edge.from} -> ${edge.to} [style=${style}${colour}];`);
  }
  catalog.nonExamRenewals.forEach((option, index) => {
    const id = `non_exam_${index}`;
    lines.push(
      `  ${id} [shape=note, style="filled", fillcolor="#fffde7", fontsize=10, label=${quote(`${option.name.replace(": ", ":\n")}\n(no exam)`)}];`,
    );
    lines.push(`  { rank=same; row_associate; ${id} }`);
    lines.push(`  ${id} -> ${option.renews} [style=dotted];`);
  });
  lines.push("}");
  return lines.join("\n");
}
