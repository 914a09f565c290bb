import { once } from "node:events";
import { createServer, type Socket, connect as tcpConnect } from "node:net";

export interface TcpProxy {
  port: number;
  /**
   * Cuts the line: open connections are reset. "silent": new connections are accepted and never
   * answered (a network partition: the client waits for its connect timeout); "refuse": the port is
   * closed (ECONNREFUSED, as when the server is down).
   */
  cut(mode?: "silent" | "refuse"): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP proxy on 127.0.0.1 between a client and a server, which a test can cut and restore. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let state: "open" | "silent" | "refuse" = "open";
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (state !== "open") return;
    const upstream = tcpConnect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  const resetAll = () => {
    for (const socket of sockets) socket.resetAndDestroy();
  };

  return {
    port,
    async cut(mode = "silent") {
      state = mode;
      resetAll();
      if (mode === "refuse") await new Promise((resolve) => server.close(resolve));
    },
    async restore() {
      if (state === "refuse") {
        server.listen(port, "127.0.0.1");
        await once(server, "listening");
      }
      resetAll();
      state = "open";
    },
    async close() {
      resetAll();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  };
}
