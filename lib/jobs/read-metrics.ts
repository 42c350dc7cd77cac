// The metrics text of this process, with the gauges of what it runs read at scrape time; with METRICS_TOKEN
// set, only for a scraper that sends it as a Bearer token (compared in constant time).
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/api/errors";
import { bearerOf } from "@/lib/auth/bearer";
import { env } from "@/lib/env";
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

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Whether a scrape with this Authorization header may read the metrics. */
export function mayReadMetrics(authorization: string | null | undefined): boolean {
  if (!env.METRICS_TOKEN) return true;
  const token = bearerOf(authorization);
  return token !== null && timingSafeEqual(digest(token), digest(env.METRICS_TOKEN));
}

/** The refusal of a scrape without the token, in the native error shape (401 UNAUTHENTICATED). */
export const metricsRefused = () =>
  new AppError("UNAUTHENTICATED", "The metrics need the scraper's token: Authorization: Bearer <METRICS_TOKEN>.", undefined, { "WWW-Authenticate": "Bearer" });
