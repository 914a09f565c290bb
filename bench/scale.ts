// `npm run bench -- --row wave --channels 200` (or `--row ingest --members 500`, `--row memory --guilds 500`): one scale row, at a chosen size, printed but not written
// into docs/BENCHMARKS.md (only the full `npm run bench` writes it).
import {
  fullScale,
  machine,
  runScaleRow,
  type ScaleRowName,
  scaleRowNames,
  scaleTable,
} from "./scale-rows.js";

export async function runRowsFromArguments(argv: readonly string[]): Promise<void> {
  const option = (name: string) =>
    argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined;
  const row = option("row") as ScaleRowName;
  if (!scaleRowNames.includes(row)) throw new Error(`--row must be one of ${scaleRowNames.join(", ")}`);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const rows = await runScaleRow(row, {
    channels: Number(option("channels") ?? fullScale.channels),
    members: Number(option("members") ?? fullScale.members),
    guilds: Number(option("guilds") ?? fullScale.guilds),
    membersPerGuild: Number(option("members-per-guild") ?? fullScale.membersPerGuild),
    log,
  });
  log(`\n${scaleTable(rows, machine())}`);
}
