import { Writable } from "node:stream";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "../../src/discord-server/index.js";
import { createLogger } from "../../src/log.js";
import { startTestWorld, type TestWorld } from "../support/bot.js";

/** Every line the bot logs, as written (JSON text). */
const lines: string[] = [];
const capture = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split("\n").filter(Boolean));
    done();
  },
});
const messages = () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg);

/** Top-level keys of one JSON object text, duplicates included (JSON.parse would keep only the last). */
function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < json.length; i += 1) {
    const char = json[i];
    if (char === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === "\\" ? 2 : 1;
      if (depth === 1 && json[end + 1] === ":") keys.push(json.slice(i + 1, end));
      i = end;
    } else if (char === "{" || char === "[") depth += 1;
    else if (char === "}" || char === "]") depth -= 1;
  }
  return keys;
}

function metricValue(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function waitFor(condition: () => boolean, what: string) {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("operating the bot: /healthz, /metrics and logs", () => {
  let world: TestWorld;
  let admin: Member;
  let channelId: string;
  let baseUrl: string;
  const get = (path: string) => fetch(`${baseUrl}${path}`);
  const metricsText = async () => (await get("/metrics")).text();

  beforeAll(async () => {
    world = await startTestWorld({
      questionsDir: "tests/fixtures/quiz-bank",
      env: { HEALTH_PORT: "0" },
      log: createLogger("info", capture),
    });
    baseUrl = world.bot.health?.url ?? "";
    channelId = world.guild.createTextChannel({ name: "daily-question" }).id;
    admin = world.guild.addMember({ username: "organiser", permissions: PermissionFlagsBits.ManageGuild });
  });
  afterAll(async () => {
    // The last test closes the database itself; close the rest as world.close() would.
    await world.bot.stop();
    await world.server.close();
    await world.database.close().catch(() => {});
    expect(world.server.unknownRoutes).toEqual([]);
  });

  it("answers /healthz with 200 and JSON: the database reachable, the gateway connected and its ping", async () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await get("/healthz");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as { gateway: object; uptimeSeconds: unknown };
    expect(body).toMatchObject({
      ok: true,
      database: { ok: true, kind: world.database.kind },
      gateway: { ok: true, status: "Ready" },
    });
    expect(body.gateway).toHaveProperty("pingMs");
    expect(typeof body.uptimeSeconds).toBe("number");
  });

  it("serves Prometheus metrics: process defaults, command latency by command, REST errors and rate limits by route", async () => {
    await admin.runCommand(world.guild.id, channelId, "help");
    world.server.failNextRequests(1, { status: 429, retryAfterMs: 20 });
    await admin.runCommand(world.guild.id, channelId, "help");
    world.server.failNextRequests(1, { status: 500 });
    await admin.runCommand(world.guild.id, channelId, "help");

    const response = await get("/metrics");
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    expect(metricValue(text, 'certbot_command_duration_seconds_count{command="help"}')).toBe(3);
    const callback = 'route="/interactions/:id/:token/callback",method="POST"';
    expect(metricValue(text, `certbot_discord_rate_limits_total{${callback},kind="429"}`)).toBe(1);
    expect(metricValue(text, `certbot_discord_rest_errors_total{${callback},status="429"}`)).toBe(1);
    expect(metricValue(text, `certbot_discord_rest_errors_total{${callback},status="500"}`)).toBe(1);
    expect(metricValue(text, 'certbot_database_errors_total{kind="unavailable"}')).toBe(0);
    expect(metricValue(text, "certbot_postings_posted_total")).toBe(0);
    // One line for the rate limit, with its route.
    const limited = lines.filter((line) => line.includes('"msg":"Discord rate limit: answered 429"'));
    expect(limited).toHaveLength(1);
    expect(limited[0]).toContain('"route":"/interactions/:id/:token/callback"');
  });

  it("logs one line when the gateway disconnects and one when it resumes, and counts the reconnect", async () => {
    const before = world.server.stats.resumes;
    world.server.dropGateway();
    await waitFor(() => messages().includes("gateway resumed"), "the gateway to resume");
    expect(world.server.stats.resumes).toBe(before + 1);
    expect(messages().filter((msg) => msg === "gateway disconnected; reconnecting")).toHaveLength(1);
    expect(messages().filter((msg) => msg === "gateway resumed")).toHaveLength(1);
    expect(metricValue(await metricsText(), "certbot_gateway_reconnects_total")).toBe(1);
  });

  it("never writes a key twice in one log line, even when a command's context and the quiz's overlap", async () => {
    const setup = await admin.runCommand(world.guild.id, channelId, "quiz setup", {
      channel: channelId,
      time: "07:30",
      timezone: "UTC",
      exam: "SNGL-C01",
    });
    expect(setup.content).toContain("Set up the daily");
    const posted = await admin.runCommand(world.guild.id, channelId, "quiz post-now");
    expect(posted.ephemeral).toBe(true);
    await world.server.nextMessage(channelId);
    const postedLine = lines.find(
      (line) => line.includes('"command":"quiz"') && line.includes('"postingId"'),
    );
    expect(postedLine, "the quiz logs the posting under the command's logger").toBeDefined();
    for (const line of lines) {
      const keys = topLevelKeys(line);
      expect(keys, line).toEqual([...new Set(keys)]);
    }
  });

  it("answers /healthz with 503 naming the database when it cannot be reached, and counts the failures", async () => {
    await world.database.close();
    const response = await get("/healthz");
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      ok: false,
      database: { ok: false, error: "unreachable" },
      gateway: { ok: true },
    });
    const reply = await admin.runCommand(world.guild.id, channelId, "quiz status");
    expect(reply.ephemeral).toBe(true);
    expect(metricValue(await metricsText(), 'certbot_database_errors_total{kind="unavailable"}')).toBe(1);
  });
});
