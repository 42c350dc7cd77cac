// The health of this process, as the worker's GET /healthz and the app's GET /api/health answer it:
// whether prices are live, from which source, which pairs this process fills, how many orders it watches
// and how many /ws sockets it serves. A process without a feed (an app process, `next start`) judges the
// prices by the rows the workers record.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { currentEventRelay } from "@/lib/market/event-relay";
import { priceStore } from "@/lib/market/price-store";
import { runningSockets, runningWorker } from "./process-status";

export interface Health {
  ok: boolean;
  source: string | null;
  /** no fresh price of any pair */
  stale: boolean;
  fills: string[];
  armed: number;
  ws_clients: number;
  /** how events reach the other processes: "postgres", "redis", or "none" (one process) */
  events: string;
  events_connected: boolean;
}

export async function getHealth(now = Date.now()): Promise<Health> {
  const worker = runningWorker();
  const relay = await currentEventRelay();
  let source: string | null = priceStore.feedSource;
  let stale: boolean;
  if (source) {
    stale = !priceStore.all().some((q) => !priceStore.isStale(q, now));
  } else {
    const newest = await prisma.marketPrice.findFirst({ orderBy: { updatedAt: "desc" }, select: { source: true, updatedAt: true } }).catch(() => null);
    source = newest?.source ?? null;
    stale = !newest || now - Number(newest.updatedAt) > env.PRICE_MAX_AGE_MS;
  }
  return {
    ok: true,
    source,
    stale,
    fills: worker?.fills() ?? [],
    armed: worker?.armedCount() ?? 0,
    ws_clients: runningSockets()?.clientCount ?? 0,
    events: relay?.kind ?? "none",
    events_connected: relay?.connected() ?? false,
  };
}
