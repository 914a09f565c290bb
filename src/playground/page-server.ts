import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createApi, type PlaygroundParts } from "./api.js";

/** The page and its small API on 127.0.0.1; the page's files are served as they are (no build step). */

const PAGE_FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/render.js": { file: "render.js", type: "text/javascript; charset=utf-8" },
  "/markdown.js": { file: "markdown.js", type: "text/javascript; charset=utf-8" },
  "/command-box.js": { file: "command-box.js", type: "text/javascript; charset=utf-8" },
  "/style.css": { file: "style.css", type: "text/css; charset=utf-8" },
};

/** No inline script may run: question text that slipped past the renderer still could not execute. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' http://127.0.0.1:*; connect-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";

export interface PageServer {
  url: string;
  /** Tell open pages to refresh (for changes the Discord server does not see: the clock, the bank). */
  notify(): void;
  close(): Promise<void>;
}

export async function startPageServer(parts: PlaygroundParts, port: number): Promise<PageServer> {
  const api = createApi(parts);
  const streams = new Set<ServerResponse>();
  let pending: NodeJS.Timeout | undefined;
  const notify = () => {
    // Coalesce bursts (a post adds four reactions) into one refresh of the page.
    pending ??= setTimeout(() => {
      pending = undefined;
      for (const stream of streams) stream.write("data: change\n\n");
    }, 40);
  };
  const unsubscribe = parts.server.onChange(notify);

  const http: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const refusal = refuse(req);
    if (refusal) {
      res.writeHead(refusal.status, { "Content-Type": "text/plain" });
      return void res.end(refusal.reason);
    }
    if (url.pathname === "/api/events") {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store" });
      res.write("data: hello\n\n");
      streams.add(res);
      req.on("close", () => streams.delete(res));
      return;
    }
    if (url.pathname.startsWith("/api/")) return void api(req, res, url);
    if (url.pathname === "/favicon.ico") return void res.writeHead(204).end();
    const page = PAGE_FILES[url.pathname];
    if (!page || req.method !== "GET") {
      res.writeHead(404, { "Content-Type": "text/plain" });
      return void res.end("Not found");
    }
    void readFile(new URL(`./page/${page.file}`, import.meta.url)).then((bytes) => {
      res.writeHead(200, {
        "Content-Type": page.type,
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "Cache-Control": "no-store",
      });
      res.end(bytes);
    });
  });
  await listen(http, port);
  const { port: actual } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    notify,
    async close() {
      unsubscribe();
      clearTimeout(pending);
      for (const stream of streams) stream.end();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/**
 * The API acts as any member without a password, so only this computer's own pages may use it: a Host
 * other than 127.0.0.1/localhost is another site reached by DNS rebinding, and a POST that is not JSON is
 * a form another site could send without asking the browser first (JSON needs a CORS preflight, which
 * this server never grants).
 */
export function refuse(req: IncomingMessage): { status: number; reason: string } | null {
  const host = (req.headers.host ?? "").replace(/:\d+$/, "");
  if (host !== "127.0.0.1" && host !== "localhost") return { status: 403, reason: "Only 127.0.0.1" };
  const json = (req.headers["content-type"] ?? "").startsWith("application/json");
  if (req.method === "POST" && !json)
    return { status: 415, reason: "POST JSON (Content-Type: application/json)" };
  return null;
}

/** Listen on `port`, or on a free one when it is taken (a second playground, another program). */
function listen(http: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    http.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE" || port === 0) return reject(error);
      http.listen(0, "127.0.0.1", resolve);
    });
    http.listen(port, "127.0.0.1", resolve);
  });
}
