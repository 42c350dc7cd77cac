// Everything a worker process runs besides serving HTTP: the market worker, the news poller and the
// scheduled jobs. server.ts (with RUN_WORKER) and worker.ts both start them through here.
import { startWorker, type WorkerHandle } from "@/lib/market/worker";
import { startNewsPoller } from "@/lib/news/news-poller";
import { startBackgroundJobs } from "./background-jobs";

export interface MarketServices {
  worker: WorkerHandle;
  stop(): Promise<void>;
}

export async function startMarketServices(): Promise<MarketServices> {
  const worker = await startWorker();
  const news = startNewsPoller();
  const jobs = startBackgroundJobs(worker);
  return {
    worker,
    async stop() {
      news.stop();
      jobs.stop();
      await worker.stop().catch((e: unknown) => console.error("worker stop failed:", e instanceof Error ? e.message : e));
    },
  };
}
