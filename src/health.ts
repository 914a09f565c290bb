import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { type Client, Status } from "discord.js";
import { sql } from "drizzle-orm";
import type { Database } from "./db/client.js";
import { isDatabaseUnavailable } from "./db/unavailable.js";
import { metricsRegistry } from "./metrics.js";

/** The health check gives the database this long to answer `select 1` before calling it unreachable. */
const databaseCheckTimeoutMs = 1_500;

export interface HealthServer {
  /** e.g. http://127.0.0.1:9464 */
  url: string;
  close(): Promise<void>;
}

export interface HealthSources {
  database: Database;
  client: Client;
  startedAt: Date;
}

/**
 * `GET /healthz`: 200 when the database answers and the gateway is connected, otherwise 503; both with
 * a JSON body saying which part failed. `GET /metrics`: every metric in Prometheus text format.
 */
export async function startHealthServer(
  host: string,
  port: number,
  sources: HealthSources,
): Promise<HealthServer> {
  const server = createServer((request, response) => {
    void answer(request, response, sources).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.listen(port, host);
  await once(server, "listening");
  const address = server.address() as { address: string; port: number };
  const shownHost = address.address.includes(":") ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(request: IncomingMessage, response: ServerResponse, sources: HealthSources) {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" }).end();
  } else if (path === "/healthz") {
    const health = await checkHealth(sources);
    response.writeHead(health.ok ? 200 : 503, { "content-type": "application/json" });
    response.end(JSON.stringify(health));
  } else if (path === "/metrics") {
    const body = await metricsRegistry.metrics();
    response.writeHead(200, { "content-type": metricsRegistry.contentType }).end(body);
  } else {
    response.writeHead(404, { "content-type": "text/plain" }).end("not found: try /healthz or /metrics\n");
  }
}

export async function checkHealth({ database, client, startedAt }: HealthSources) {
  const databaseHealth = await checkDatabase(database);
  const gatewayReady = client.ws.status === Status.Ready;
  const gateway = {
    ok: gatewayReady,
    status: Status[client.ws.status] ?? String(client.ws.status),
    pingMs: client.ws.ping >= 0 ? client.ws.ping : null,
  };
  return {
    ok: databaseHealth.ok && gateway.ok,
    uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    database: databaseHealth,
    gateway,
  };
}

async function checkDatabase(database: Database) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), databaseCheckTimeoutMs);
  });
  try {
    const outcome = await Promise.race([database.db.execute(sql`select 1`), timeout]);
    if (outcome === "timeout") return { ok: false, kind: database.kind, error: "timeout" };
    return { ok: true, kind: database.kind, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Only the kind of failure: a driver's message can carry the host name and user.
    return { ok: false, kind: database.kind, error: isDatabaseUnavailable(error) ? "unreachable" : "failed" };
  } finally {
    clearTimeout(timer);
  }
}
