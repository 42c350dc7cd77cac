// The metrics text of this process, with the gauges of what it runs read at scrape time.
import { metrics } from "@/lib/metrics";
import { runningSockets, runningWorker } from "./process-status";

export async function readMetrics(): Promise<{ contentType: string; text: string }> {
  const worker = runningWorker();
  metrics.wsClients.set(runningSockets()?.clientCount ?? 0);
  if (worker) {
    metrics.armedOrders.set(worker.armedCount());
    metrics.leasesHeld.set(worker.fills().length);
  }
  return { contentType: metrics.registry.contentType, text: await metrics.registry.metrics() };
}
