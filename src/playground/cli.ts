import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { startPlayground } from "./start.js";

/** `npm run playground [-- --questions <dir>] [--port <n>]`: the bot in a browser, no Discord application. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let values: { questions?: string | undefined; port: string };
try {
  ({ values } = parseArgs({
    options: { questions: { type: "string" }, port: { type: "string", default: "5170" } },
  }));
} catch (error) {
  fail(
    `${error instanceof Error ? error.message : String(error)} (usage: npm run playground -- --questions <dir> --port <n>)`,
  );
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`--port must be a port number, not "${values.port}"`);
if (values.questions && !existsSync(values.questions)) fail(`--questions: no folder "${values.questions}"`);

const playground = await startPlayground({
  port,
  ...(values.questions ? { questionsDir: values.questions, watch: true } : {}),
}).catch((error: unknown) =>
  fail(`The playground could not start: ${error instanceof Error ? error.message : String(error)}`),
);
const lines = [
  `Playground ready: ${playground.url}`,
  values.questions ? `Watching ${values.questions}: saved changes are reloaded and checked on the page.` : "",
  "Everything runs on 127.0.0.1 with an in-memory database; Ctrl+C stops it.",
];
process.stdout.write(`${lines.filter(Boolean).join("\n")}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await playground.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
