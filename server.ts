// The custom server: Next.js (pages and /api), the app's websocket on /ws, and, with RUN_WORKER (the
// default), the market worker and the news poller, all in one process. Run with tsx (`tsx server.ts`).
import { createServer } from "node:http";
import next from "next";
import { assertRuntimeSecrets, env } from "@/lib/env";
import { disconnect } from "@/lib/db";
import { authenticateToken } from "@/lib/auth/authenticate-request";
import { authenticateCookie } from "@/lib/auth/authenticate-cookie";
import { startWorker, type WorkerHandle } from "@/lib/market/worker";
import { startBackgroundJobs } from "@/lib/jobs/background-jobs";
import { startNewsPoller, type NewsPoller } from "@/lib/news/news-poller";
import { attachWebSocketServer } from "@/lib/realtime/ws-server";

const dev = env.NODE_ENV !== "production";

// Access tokens are checked for revocation too (logout ends live updates); any failure means "not signed in".
const wsAuth = {
  async authenticate(token: string) {
    try {
      return { userId: (await authenticateToken(token)).id };
    } catch {
      return null;
    }
  },
  async authenticateCookie(cookieHeader: string) {
    try {
      const user = await authenticateCookie(cookieHeader);
      return user ? { userId: user.id } : null;
    } catch {
      return null;
    }
  },
};

async function main(): Promise<void> {
  assertRuntimeSecrets();
  const app = next({ dev, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error("request failed:", e instanceof Error ? e.message : e);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "INTERNAL", message: "Internal error" }));
    });
  });
  const ws = attachWebSocketServer(server, wsAuth);

  // The worker before listening: the first request already finds prices arriving and orders armed.
  let worker: WorkerHandle | null = null;
  let news: NewsPoller | null = null;
  let jobs: { stop(): void } | null = null;
  if (env.RUN_WORKER) {
    worker = await startWorker();
    news = startNewsPoller();
    jobs = startBackgroundJobs(worker);
  }

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  console.log(`CompraVenta ${dev ? "(dev) " : ""}listening on http://${env.HOST}:${env.PORT}${worker ? ` — market: ${worker.source}` : ""}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    // Hard stop if something hangs (a fill never answering, a stuck socket).
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    server.closeIdleConnections();
    news?.stop();
    jobs?.stop();
    await ws.close().catch(() => undefined);
    await worker?.stop().catch((e: unknown) => console.error("worker stop failed:", e instanceof Error ? e.message : e));
    await app.close?.().catch(() => undefined);
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
