// The bot as `npm start` runs it: built once (`npm run build`, skipped when dist/ is up to date), then
// `node --max-semi-space-size=2 dist/main.js` in its own process (package.json's start script).
import { execFileSync } from "node:child_process";

export const botCommand = ["--max-semi-space-size=2", "dist/main.js"];

export function buildBot(): void {
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
}
