// The HTTP server of both processes (server.ts and worker.ts), with the limits that keep one client from
// holding the process: a request must arrive whole within HTTP_REQUEST_TIMEOUT_MS (its headers within
// HTTP_HEADERS_TIMEOUT_MS), an idle keep-alive connection closes after HTTP_KEEP_ALIVE_TIMEOUT_MS, and at
// most HTTP_MAX_CONNECTIONS sockets (websockets included) are open at once. 0 turns a limit off.
import { createServer, type RequestListener, type Server } from "node:http";
import { env } from "@/lib/env";

export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export const httpLimits = (): HttpLimits => ({
  headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  maxConnections: env.HTTP_MAX_CONNECTIONS,
});

export function createHttpServer(listener: RequestListener, limits: HttpLimits = httpLimits()): Server {
  const { requestTimeoutMs, keepAliveTimeoutMs, maxConnections } = limits;
  // Node refuses a headers timeout longer than the request timeout.
  const headersTimeoutMs = requestTimeoutMs > 0 && limits.headersTimeoutMs > requestTimeoutMs ? requestTimeoutMs : limits.headersTimeoutMs;
  // Node looks for expired requests on an interval (30 s by default): look often enough to honour the timeouts.
  const shortest = Math.min(...[headersTimeoutMs, requestTimeoutMs].filter((t) => t > 0), 4000);
  const server = createServer(
    { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, keepAliveTimeout: keepAliveTimeoutMs, connectionsCheckingInterval: Math.max(100, Math.floor(shortest / 4)) },
    listener,
  );
  server.keepAliveTimeout = keepAliveTimeoutMs;
  if (maxConnections > 0) server.maxConnections = maxConnections;
  return server;
}
