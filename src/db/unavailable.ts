import { DrizzleQueryError } from "drizzle-orm";

/**
 * Whether an error means the database could not be reached (rather than that a query was wrong): the
 * connection was refused, reset, closed or timed out, the server is shutting down, or the embedded
 * database is closed. Callers tell the member "try again in a minute" instead of "something broke".
 * Drivers and drizzle wrap the underlying error, so the whole `cause` chain is searched.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(error, isUnavailableItself);
}

/** What kind of database failure an error is, if it is one: unreachable, or a statement that failed. */
export function databaseFailureKind(error: unknown): "unavailable" | "statement" | undefined {
  if (isDatabaseUnavailable(error)) return "unavailable";
  return someCause(error, (cause) => cause instanceof DrizzleQueryError) ? "statement" : undefined;
}

/** Searches an error, its `cause` chain and an AggregateError's errors. */
function someCause(error: unknown, test: (cause: object) => boolean): boolean {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    if (test(current)) return true;
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    pending.push(cause);
    // Node reports a refused connection to every address of a host name as an AggregateError.
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}

/** Socket errors from Node and postgres.js's own connection codes. */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  // SQLSTATE: the server is shutting down or starting up, or has no connection slot left.
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

function isUnavailableItself(error: object): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (unavailableCodes.has(code) || code.startsWith("08"))) return true;
  // PGlite has no codes for these: a closed or crashed embedded database says so in its message.
  return typeof message === "string" && /^PGlite is closed/.test(message);
}
