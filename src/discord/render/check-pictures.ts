// Start-up self-check: draws a picture once, so a missing or unreadable font is named in the log when
// the bot starts, not when a member first asks for /stats or /renewal graph (both use the same font).
import { renderRenewalGraphPng } from "../../renewal/render.js";

/** Undefined when a picture renders; otherwise what went wrong, in one line. */
export async function pictureProblem(): Promise<string | undefined> {
  try {
    await renderRenewalGraphPng({ width: 200 });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
