// Carries the bus (events.ts) between processes: every emit here is published on the channel and every
// other process's event is delivered to the listeners here. PostgreSQL LISTEN/NOTIFY by default, Redis
// pub/sub when REDIS_URL is set; none on SQLite without Redis (one process, as always). One relay per
// process (on globalThis: server.ts, worker.ts and Next's instrumentation may all ask for it).
import { randomBytes } from "node:crypto";
import { env, isPostgres } from "@/lib/env";
import { logger } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { readOpenOrder } from "./armed-orders";
import type { EventChannel } from "./event-channel";
import { eventOutbox } from "./event-outbox";
import { decodeEnvelope, encodeEvent, type EventName } from "./event-wire";
import { marketEvents, type MarketEvents } from "./events";
import { pgEventChannel } from "./pg-event-channel";
import { priceStore } from "./price-store";
import { redisEventChannel } from "./redis-event-channel";

export interface EventRelay {
  readonly kind: EventChannel["kind"];
  readonly sender: string;
  connected(): boolean;
  /** which pairs' ticks this process sends (the pairs it fills); none until set */
  shareTicksOf(owns: ((symbol: string) => boolean) | null): void;
  /** cuts the channel's connection as a network failure would (tests) */
  interrupt(): Promise<void>;
  stop(): Promise<void>;
}

const g = globalThis as unknown as { __compraventaRelay?: Promise<EventRelay | null> };
const log = logger.child({ component: "events" });

function createRelay(): EventRelay | null {
  const url = env.REDIS_URL ?? (isPostgres ? env.DATABASE_URL : undefined);
  if (!url) return null;
  const sender = randomBytes(6).toString("hex");
  let ownsTicks: ((symbol: string) => boolean) | null = null;

  const receive = (text: string) => {
    const m = decodeEnvelope(text);
    if (!m || m.o === sender) return;
    metrics.eventsReceived.inc();
    const name = m.n;
    // A process with its own feed has its own ticks; the rest hear them from the pair's filler.
    if ((name === "tick" || name === "ticker") && priceStore.feedSource) return;
    if (name === "order-armed") {
      const { id, symbol } = m.e as { id?: unknown; symbol?: unknown };
      if (typeof id !== "string" || typeof symbol !== "string" || marketEvents.listenerCount("order-armed") === 0) return;
      readOpenOrder(id).then(
        (order) => (order ? marketEvents.deliver("order-armed", order) : marketEvents.deliver("order-disarmed", { id, symbol })),
        (e: unknown) => log.warn({ err: e instanceof Error ? e.message : String(e) }, "reading an announced order failed"),
      );
      return;
    }
    marketEvents.deliver(name, m.e as MarketEvents[typeof name]);
  };

  // Both run after the channel listens again: the re-sync's reads, and the sending of what this process
  // could not send meanwhile (see event-outbox.ts for why both are needed).
  const opts = {
    channel: env.EVENTS_CHANNEL,
    onMessage: receive,
    onReconnect: () => {
      metrics.eventReconnects.inc();
      outbox.flush();
      marketEvents.emit("events-resync", {});
    },
    onWritable: () => outbox.flush(),
    onLog: (line: string) => log.info(line),
  };
  const channel = env.REDIS_URL ? redisEventChannel(env.REDIS_URL, opts) : pgEventChannel(url, opts);
  const outbox = eventOutbox(channel, { sent: () => metrics.eventsSent.inc(), dropped: () => metrics.eventsDropped.inc() });

  marketEvents.setPublisher({
    publish<K extends EventName>(name: K, event: MarketEvents[K]) {
      if (name === "tick" || name === "ticker") {
        const symbol = (event as MarketEvents["tick"]).symbol;
        if (!ownsTicks?.(symbol)) return;
      }
      const text = encodeEvent(sender, name, event);
      if (text === null) return;
      // a tick or ticker is stale by the reconnect: not kept
      outbox.publish(text, name !== "tick" && name !== "ticker");
    },
  });

  return {
    kind: channel.kind,
    sender,
    connected: () => channel.connected(),
    shareTicksOf(owns) {
      ownsTicks = owns;
    },
    interrupt: () => channel.interrupt(),
    async stop() {
      marketEvents.setPublisher(null);
      await channel.stop();
    },
    // events emitted while the first connection was being made were kept: send them now
    start: () => channel.start().then(() => outbox.flush()),
  } as EventRelay & { start(): Promise<void> };
}

// Starts this process's relay once (later calls get the same one); null when events stay in the process.
export function startEventRelay(): Promise<EventRelay | null> {
  g.__compraventaRelay ??= (async () => {
    const relay = createRelay() as (EventRelay & { start(): Promise<void> }) | null;
    if (!relay) return null;
    await relay.start();
    log.info({ channel: relay.kind }, "events shared between processes");
    return relay;
  })();
  return g.__compraventaRelay;
}

/** The running relay, if any (health, tests). */
export function currentEventRelay(): Promise<EventRelay | null> {
  return g.__compraventaRelay ?? Promise.resolve(null);
}

export async function stopEventRelay(): Promise<void> {
  const relay = await g.__compraventaRelay;
  g.__compraventaRelay = undefined;
  await relay?.stop();
}
