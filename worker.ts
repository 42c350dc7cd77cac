// `npm run worker`: the market worker alone (for a Vercel deployment, where the app cannot hold a feed),
// with the /ws websocket on PORT so browsers still get live prices and fills, and the news poller.
// Several may run against one PostgreSQL database: one fills orders (lease), the others stand by.
import { createServer } from "node:http";
import { assertRuntimeSecrets, env } from "@/lib/env";
import { disconnect } from "@/lib/db";
import { authenticateToken } from "@/lib/auth/authenticate-request";
import { startWorker } from "@/lib/market/worker";
import { startBackgroundJobs } from "@/lib/jobs/background-jobs";
import { startNewsPoller } from "@/lib/news/news-poller";
import { attachWebSocketServer } from "@/lib/realtime/ws-server";

async function main(): Promise<void> {
  assertRuntimeSecrets();
  const worker = await startWorker();
  const news = startNewsPoller();
  const jobs = startBackgroundJobs(worker);

  // Plain HTTP answers a health check; everything else lives in the app.
  const server = createServer((req, res) => {
    if (req.url === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, source: worker.source, leader: worker.isLeader(), armed: worker.armedCount() }));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" });
    res.end(JSON.stringify({ code: "NOT_FOUND", message: "This is the market worker: only /ws and /healthz live here." }));
  });
  const ws = attachWebSocketServer(server, {
    async authenticate(token: string) {
      try {
        return { userId: (await authenticateToken(token)).id };
      } catch {
        return null;
      }
    },
  });
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  console.log(`market worker: /ws on http://${env.HOST}:${env.PORT} — market: ${worker.source}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    news.stop();
    jobs.stop();
    await ws.close().catch(() => undefined);
    await worker.stop().catch((e: unknown) => console.error("worker stop failed:", e instanceof Error ? e.message : e));
    await disconnect().catch(() => undefined);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
