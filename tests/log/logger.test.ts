import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";

function destination(isTTY: boolean) {
  const written: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        written.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, written };
}

describe("the logger", () => {
  it("writes one JSON object a line when the output is not a terminal", () => {
    const { stream, written } = destination(false);
    createLogger("info", stream).child({ guildId: "1" }).info({ postingId: 7 }, "question posted");
    expect(JSON.parse(written.join(""))).toMatchObject({
      guildId: "1",
      postingId: 7,
      msg: "question posted",
    });
  });

  it("writes readable lines when the output is a terminal", () => {
    const { stream, written } = destination(true);
    createLogger("info", stream).child({ guildId: "1" }).info({ postingId: 7 }, "question posted");
    const text = written.join("");
    expect(() => JSON.parse(text)).toThrow();
    expect(text).toContain("question posted");
    expect(text).toMatch(/postingId: 7/);
  });

  it("keeps one value of a key given by both a child logger and the call: the call's", () => {
    const { stream, written } = destination(false);
    createLogger("info", stream)
      .child({ channelId: "command-channel" })
      .info({ channelId: "quiz-channel" }, "x");
    const line = written.join("");
    expect(line.match(/"channelId"/g)).toHaveLength(1);
    expect(JSON.parse(line).channelId).toBe("quiz-channel");
  });

  it("redacts a token wherever it appears in the context", () => {
    const { stream, written } = destination(false);
    createLogger("info", stream).info({ config: { DISCORD_TOKEN: "secret" }, token: "secret" }, "start");
    expect(written.join("")).not.toContain("secret");
  });
});
