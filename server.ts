// The custom server: Next.js (pages and /api), the app's websocket on /ws, Binance's WebSocket API (the
// user data stream) on /ws-api/v3, and, with RUN_WORKER (the default), the market worker, the news poller
// and the scheduled jobs, all in one process.
// Run with tsx (`tsx server.ts`); `npm start` does it for you.
import next from "next";
import { assertRuntimeSecrets, env } from "@/lib/env";
import { disconnect } from "@/lib/db";
import { createHttpServer } from "@/lib/jobs/http-server";
import { answerMalformedApiPath } from "@/lib/api/malformed-api-path";
import { onShutdown } from "@/lib/jobs/on-shutdown";
import { startMarketServices, type MarketServices } from "@/lib/jobs/start-market-services";
import { wsAuth } from "@/lib/realtime/ws-auth";
import { attachWebSocketServer } from "@/lib/realtime/ws-server";
import { attachWsApiServer } from "@/lib/realtime/ws-api-server";
import { userStreamSource } from "@/lib/realtime/user-stream-source";
import { stampPeer } from "@/lib/api/stamp-peer";
import { logRequest } from "@/lib/api/request-log";
import { logger } from "@/lib/log";
import { startEventRelay, stopEventRelay } from "@/lib/market/event-relay";
import { registerSockets, registerWorker } from "@/lib/jobs/process-status";

const dev = env.NODE_ENV !== "production";

async function main(): Promise<void> {
  assertRuntimeSecrets();
  // Events to and from the other processes (PostgreSQL or Redis) before anything emits one.
  await startEventRelay();
  const app = next({ dev, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createHttpServer((req, res) => {
    stampPeer(req); // the real peer address, for lib/api/client-ip.ts (a client cannot forge it)
    const reqId = logRequest(req, res);
    if (answerMalformedApiPath(req, res)) return;
    handle(req, res).catch((e: unknown) => {
      logger.error({ reqId, err: e instanceof Error ? e.message : String(e) }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "INTERNAL", message: "Internal error" }));
    });
  });
  const ws = attachWebSocketServer(server, wsAuth);
  const wsApi = attachWsApiServer(server, { source: userStreamSource });
  registerSockets(ws);

  // The worker before listening: the first request already finds prices arriving and orders armed.
  const services: MarketServices | null = env.RUN_WORKER ? await startMarketServices() : null;
  registerWorker(services?.worker ?? null);

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  logger.info({ port: env.PORT, worker: services ? services.worker.holder : null, source: services?.worker.source ?? null }, `CompraVenta ${dev ? "(dev) " : ""}listening on http://${env.HOST}:${env.PORT}${services ? ` — market: ${services.worker.source}` : ""}`);

  onShutdown(async () => {
    server.close();
    server.closeIdleConnections();
    await ws.close().catch(() => undefined);
    await wsApi.close().catch(() => undefined);
    await services?.stop();
    registerWorker(null);
    await stopEventRelay().catch(() => undefined);
    await app.close?.().catch(() => undefined);
    await disconnect().catch(() => undefined);
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
