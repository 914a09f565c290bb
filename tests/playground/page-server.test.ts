import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { refuse } from "../../src/playground/page-server.js";

/** Only the headers matter to the guard; a real request carries them the same way. */
const request = (method: string, headers: Record<string, string>) => ({ method, headers }) as IncomingMessage;

describe("the playground's page server", () => {
  it("serves this computer's own pages", () => {
    expect(refuse(request("GET", { host: "127.0.0.1:5170" }))).toBeNull();
    expect(
      refuse(request("POST", { host: "localhost:5170", "content-type": "application/json" })),
    ).toBeNull();
  });

  it("refuses another site reaching it through DNS rebinding", () => {
    expect(refuse(request("GET", { host: "attacker.example:5170" }))?.status).toBe(403);
  });

  it("refuses a POST another site could send as a plain form", () => {
    expect(refuse(request("POST", { host: "127.0.0.1:5170", "content-type": "text/plain" }))?.status).toBe(
      415,
    );
  });
});
