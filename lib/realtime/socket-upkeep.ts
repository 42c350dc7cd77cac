// What the websocket endpoints (/ws, ws-server.ts; /ws-api/v3 and /ws/<listenKey>, ws-api-server.ts) share
// around their sockets: the path of an upgrade, timers that never hold the process open, the heartbeat (a
// ping frame to every socket; one the endpoint's rule finds dead, or whose ping throws, is terminated) and the
// shutdown (detach from the HTTP server, close every socket as going away, then terminate what is left).
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocket, WebSocketServer } from "ws";

/** The path an upgrade asks for, or null when its URL does not parse (such an upgrade is nobody's). */
export function upgradePath(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return null;
  }
}

/** `run` every `ms` (none when `ms` is 0), not keeping the process alive; returns the stop. */
export function every(ms: number, run: () => void): () => void {
  if (ms <= 0) return () => undefined;
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
}

/** Each `ms`: terminates the sockets `dead` says missed their pongs, pings the others (after `beforePing`). */
export function heartbeat<T extends { ws: WebSocket }>(sockets: Iterable<T>, ms: number, dead: (s: T) => boolean, beforePing?: (s: T) => void): () => void {
  return every(ms, () => {
    for (const s of sockets) {
      if (dead(s)) {
        s.ws.terminate();
        continue;
      }
      beforePing?.(s);
      try {
        s.ws.ping();
      } catch {
        s.ws.terminate();
      }
    }
  });
}

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Detaches the endpoint, stops its timers and listeners, closes its sockets (1001) and the server. */
export async function shutDown(
  httpServer: Server,
  onUpgrade: UpgradeListener,
  wss: WebSocketServer,
  sockets: Iterable<{ ws: WebSocket }>,
  stops: readonly (() => void)[],
): Promise<void> {
  httpServer.off("upgrade", onUpgrade);
  for (const stop of stops) stop();
  for (const s of sockets) s.ws.close(1001, "server shutting down");
  await new Promise<void>((resolve) => wss.close(() => resolve()));
  for (const s of sockets) s.ws.terminate();
}
