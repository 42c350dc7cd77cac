// `npm run worker`: the market worker alone (for a Vercel deployment, where the app cannot hold a feed),
// with the /ws websocket on PORT so browsers still get live prices and fills, /ws-api/v3 (Binance's user
// data stream) for bots, the news poller and the scheduled jobs. Any number may run against one PostgreSQL database: they share the pairs out (a lease
// per pair, lib/market/pair-leases.ts) and hear every process's events (lib/market/event-relay.ts).
import { AppError } from "@/lib/api/errors";
import { assertRuntimeSecrets, env } from "@/lib/env";
import { disconnect } from "@/lib/db";
import { createHttpServer } from "@/lib/jobs/http-server";
import { getHealth } from "@/lib/jobs/get-health";
import { onShutdown } from "@/lib/jobs/on-shutdown";
import { registerSockets, registerWorker } from "@/lib/jobs/process-status";
import { mayReadMetrics, metricsRefused, readMetrics } from "@/lib/jobs/read-metrics";
import { startMarketServices } from "@/lib/jobs/start-market-services";
import { logger } from "@/lib/log";
import { startEventRelay, stopEventRelay } from "@/lib/market/event-relay";
import { wsAuth } from "@/lib/realtime/ws-auth";
import { attachWebSocketServer } from "@/lib/realtime/ws-server";
import { attachWsApiServer } from "@/lib/realtime/ws-api-server";
import { userStreamSource } from "@/lib/realtime/user-stream-source";

const json = (status: number, body: unknown, headers?: Record<string, string>) => ({ status, type: "application/json", text: JSON.stringify(body), headers });
/** A refusal in the native dialect's one error shape, as the app's errorResponse writes it. */
const refusal = (error: AppError) => json(error.status, error, error.headers);

async function main(): Promise<void> {
  assertRuntimeSecrets();
  await startEventRelay();
  const services = await startMarketServices();
  const { worker } = services;
  registerWorker(worker);

  // Plain HTTP answers the health check and the metrics; everything else lives in the app.
  const server = createHttpServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const isMetrics = path === "/metrics" || path === "/api/metrics";
    const answer =
      req.method !== "GET" && req.method !== "HEAD"
        ? Promise.resolve(refusal(new AppError("METHOD_NOT_ALLOWED", "Only GET is served here.")))
        : path === "/healthz"
          ? getHealth().then((h) => json(200, h))
          : isMetrics && !mayReadMetrics(req.headers.authorization)
            ? Promise.resolve(refusal(metricsRefused()))
            : isMetrics
              ? readMetrics().then((m) => ({ status: 200, type: m.contentType, text: m.text, headers: undefined }))
              : Promise.resolve(refusal(new AppError("NOT_FOUND", "This is the market worker: only /ws, /ws-api/v3, /ws/<listenKey>, /healthz and /metrics live here.")));
    answer.then(
      (a) => {
        res.writeHead(a.status, { "content-type": a.type, "cache-control": "no-store", ...(a.status === 405 ? { allow: "GET" } : {}), ...a.headers });
        res.end(a.text);
      },
      (e: unknown) => {
        logger.error({ err: e instanceof Error ? e.message : String(e), path }, "worker request failed");
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify(new AppError("INTERNAL", "Internal error")));
      },
    );
  });
  const ws = attachWebSocketServer(server, wsAuth);
  const wsApi = attachWsApiServer(server, { source: userStreamSource });
  registerSockets(ws);
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  logger.info({ port: env.PORT, worker: worker.holder, source: worker.source }, `market worker: /ws on http://${env.HOST}:${env.PORT} — market: ${worker.source}, listening`);

  onShutdown(async () => {
    server.close();
    await ws.close().catch(() => undefined);
    await wsApi.close().catch(() => undefined);
    await services.stop();
    registerWorker(null);
    await stopEventRelay().catch(() => undefined);
    await disconnect().catch(() => undefined);
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
