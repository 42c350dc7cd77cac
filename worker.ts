// `npm run worker`: the market worker alone (for a Vercel deployment, where the app cannot hold a feed),
// with the /ws websocket on PORT so browsers still get live prices and fills, /ws-api/v3 (Binance's user
// data stream) for bots, the news poller and the scheduled jobs. Several may run against one PostgreSQL database: one fills orders (lease), the others
// stand by.
import { assertRuntimeSecrets, env } from "@/lib/env";
import { disconnect } from "@/lib/db";
import { createHttpServer } from "@/lib/jobs/http-server";
import { onShutdown } from "@/lib/jobs/on-shutdown";
import { startMarketServices } from "@/lib/jobs/start-market-services";
import { wsAuth } from "@/lib/realtime/ws-auth";
import { attachWebSocketServer } from "@/lib/realtime/ws-server";
import { attachWsApiServer } from "@/lib/realtime/ws-api-server";
import { userStreamSource } from "@/lib/realtime/user-stream-source";

async function main(): Promise<void> {
  assertRuntimeSecrets();
  const services = await startMarketServices();
  const { worker } = services;

  // Plain HTTP answers a health check; everything else lives in the app.
  const server = createHttpServer((req, res) => {
    if (req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, source: worker.source, leader: worker.isLeader(), armed: worker.armedCount() }));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: "NOT_FOUND", message: "This is the market worker: only /ws, /ws-api/v3 and /healthz live here." }));
  });
  const ws = attachWebSocketServer(server, wsAuth);
  const wsApi = attachWsApiServer(server, { source: userStreamSource });
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  console.log(`market worker: /ws on http://${env.HOST}:${env.PORT} — market: ${worker.source}`);

  onShutdown(async () => {
    server.close();
    await ws.close().catch(() => undefined);
    await wsApi.close().catch(() => undefined);
    await services.stop();
    await disconnect().catch(() => undefined);
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
