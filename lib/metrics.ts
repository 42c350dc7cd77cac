// The process's Prometheus metrics (prom-client), served by GET /api/metrics. One registry on globalThis,
// so the custom server, the worker and Next's bundled route handlers count into the same one. Labels are
// bounded sets (order types, outcomes, pairs, event channels), never ids.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "compraventa_" });
  const r = [registry];
  return {
    registry,
    ordersPlaced: new Counter({ name: "compraventa_orders_total", help: "Orders placed, by type and outcome at placement (OPEN, FILLED, EXPIRED, REJECTED)", labelNames: ["type", "outcome"], registers: r }),
    ordersFired: new Counter({ name: "compraventa_order_fills_total", help: "Orders the market fired, by type and outcome (FILLED, REJECTED, EXPIRED, RESTING, GONE)", labelNames: ["type", "outcome"], registers: r }),
    fillLatency: new Histogram({
      name: "compraventa_fill_latency_seconds",
      help: "From the trade received by the worker to the fill committed",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: r,
    }),
    armedOrders: new Gauge({ name: "compraventa_armed_orders", help: "Open orders this process's worker watches", registers: r }),
    wsClients: new Gauge({ name: "compraventa_ws_clients", help: "Open /ws sockets on this process", registers: r }),
    feedLag: new Gauge({ name: "compraventa_feed_lag_seconds", help: "Receive time minus trade time of the last trade, by pair", labelNames: ["symbol"], registers: r }),
    feedReconnects: new Counter({ name: "compraventa_feed_reconnects_total", help: "Market feed connections re-established after a drop", registers: r }),
    leaseChanges: new Counter({ name: "compraventa_lease_changes_total", help: "Pair leases gained or lost by this worker", labelNames: ["change"], registers: r }),
    leasesHeld: new Gauge({ name: "compraventa_leases_held", help: "Pairs this worker fills", registers: r }),
    eventsSent: new Counter({ name: "compraventa_events_sent_total", help: "Bus events published to other processes", registers: r }),
    eventsDropped: new Counter({ name: "compraventa_events_dropped_total", help: "Bus events not published (a tick while the channel was down, or more kept than the outbox holds)", registers: r }),
    eventsReceived: new Counter({ name: "compraventa_events_received_total", help: "Bus events received from other processes", registers: r }),
    eventReconnects: new Counter({ name: "compraventa_event_channel_reconnects_total", help: "Event channel reconnects (each followed by a re-sync)", registers: r }),
  };
}

export type Metrics = ReturnType<typeof create>;

const g = globalThis as unknown as { __compraventaMetrics?: Metrics };
export const metrics: Metrics = (g.__compraventaMetrics ??= create());
