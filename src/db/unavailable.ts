// Whether an error means the database cannot be reached at all (as opposed to a bad query), so the
// member can be told to try again later instead of being shown a generic failure.

const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/** PGlite refuses every query once it is closing or closed. */
const closedPglite = /^PGlite is clos(ed|ing)$/;

/** postgres.js connection failures and a closed PGlite, also when drizzle wraps them as a cause. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && connectionCodes.has(code)) return true;
    if (closedPglite.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
