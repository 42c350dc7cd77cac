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

const dev = env.NODE_ENV !== "production";

async function main(): Promise<void> {
  assertRuntimeSecrets();
  const app = next({ dev, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createHttpServer((req, res) => {
    stampPeer(req); // the real peer address, for lib/api/client-ip.ts (a client cannot forge it)
    if (answerMalformedApiPath(req, res)) return;
    handle(req, res).catch((e: unknown) => {
      console.error("request failed:", e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "INTERNAL", message: "Internal error" }));
    });
  });
  const ws = attachWebSocketServer(server, wsAuth);
  const wsApi = attachWsApiServer(server, { source: userStreamSource });

  // The worker before listening: the first request already finds prices arriving and orders armed.
  const services: MarketServices | null = env.RUN_WORKER ? await startMarketServices() : null;

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  console.log(`CompraVenta ${dev ? "(dev) " : ""}listening on http://${env.HOST}:${env.PORT}${services ? ` — market: ${services.worker.source}` : ""}`);

  onShutdown(async () => {
    server.close();
    server.closeIdleConnections();
    await ws.close().catch(() => undefined);
    await wsApi.close().catch(() => undefined);
    await services?.stop();
    await app.close?.().catch(() => undefined);
    await disconnect().catch(() => undefined);
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
