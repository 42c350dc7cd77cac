// The market worker: picks the source (Binance, replay or simulated), runs its feed into the price store and
// the event bus, keeps every open order armed (whatever its pair, so that it can take over a pair at once),
// and, for the pairs whose lease it holds (pair-leases.ts), fills the orders each trade fires, sends the
// pair's ticks to the other processes and writes its prices and candles for them. The scheduled jobs run
// on the worker holding the "scheduled-jobs" lease.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { PAIRS } from "@/lib/markets";
import { logger } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { unitsToNumber } from "@/lib/money";
import { fireOrders, type Fired } from "@/lib/trading/fire-orders";
import { recordActivations } from "@/lib/trading/record-activations";
import { recordWatermarks } from "@/lib/trading/record-watermarks";
import { registerWatermarkLookup } from "@/lib/trading/live-watermarks";
import { ArmedOrders } from "./armed-orders";
import { BinanceFeed } from "./binance-feed";
import { fetchKlines } from "./binance-rest";
import { startEventRelay } from "./event-relay";
import { marketEvents } from "./events";
import { FillQueue, type FiredBatch } from "./fill-queue";
import { KLINE_INTERVALS, type KlineInterval } from "./intervals";
import { replaceCandles, writeCandles } from "./kline-cache";
import { defaultHolderId, LeaderLease } from "./leader-lease";
import { marketNow } from "./market-clock";
import { PairLeases } from "./pair-leases";
import { PriceWriter } from "./persist-prices";
import { changePct, priceStore } from "./price-store";
import { ReplayMarket } from "./replay/replay-market";
import { selectMarketSource } from "./select-source";
import { SimulatedMarket } from "./simulated-market";
import type { MarketFeed, MarketSource, Ticker, Trade } from "./types";

export interface WorkerOptions {
  onLog?: (line: string) => void;
  /** overrides MARKET_SOURCE for this run */
  source?: "auto" | MarketSource;
  /** milliseconds between order syncs with the database (default ORDER_SYNC_MS) */
  syncMs?: number;
  /** milliseconds between candle refreshes (default 30 s Binance, 10 s simulated) */
  klineRefreshMs?: number;
  /** simulated market tick period (default 250 ms) */
  simulatedTickMs?: number;
}

export interface WorkerHandle {
  readonly source: MarketSource;
  /** holds the "scheduled-jobs" lease (snapshots, training) */
  isLeader(): boolean;
  /** the pairs this worker fills now */
  fills(): string[];
  /** this worker's id in the lease table */
  readonly holder: string;
  /** open stop orders currently armed */
  armedCount(): number;
  stop(): Promise<void>;
}

// Candle refresh of a Binance run: the full history once per pair and interval, then the last few.
const FULL_HISTORY = 1000;
const RECENT = 3;

async function lastKnownPrices(): Promise<Map<string, bigint>> {
  const rows = await prisma.marketPrice.findMany({ select: { symbol: true, price: true } }).catch(() => []);
  return new Map(rows.map((r) => [r.symbol, r.price]));
}

// Starts the worker in this process; resolves once the feed is started and open orders are loaded.
export async function startWorker(options: WorkerOptions = {}): Promise<WorkerHandle> {
  const marketLog = logger.child({ component: "market" });
  const log = options.onLog ?? ((line: string) => marketLog.info(line));
  // Which market this run trades on is said once, loudly (a warning: it shows at every LOG_LEVEL but error).
  const source = await selectMarketSource({ mode: options.source, onLog: options.onLog ?? ((line: string) => marketLog.warn(line)) });
  const timers: NodeJS.Timeout[] = [];
  const unsubscribe: (() => void)[] = [];
  const jobs = new Set<Promise<void>>();
  let stopped = false;

  const holder = defaultHolderId();
  const relay = await startEventRelay();
  const lease = new LeaderLease({ name: "scheduled-jobs", holder, ttlMs: env.LEASE_TTL_MS, renewMs: Math.max(50, Math.floor(env.LEASE_TTL_MS / 5)), onLog: log });
  await lease.start();
  const pairs = new PairLeases({
    pairs: PAIRS.map((p) => p.symbol),
    holder,
    ttlMs: env.LEASE_TTL_MS,
    onLog: log,
    onChange: (_symbol, held) => {
      metrics.leaseChanges.inc({ change: held ? "gained" : "lost" });
      metrics.leasesHeld.set(pairs.held().length);
    },
  });

  const armed = new ArmedOrders();
  const loaded = await armed.loadAll();
  registerWatermarkLookup((id) => armed.watermark(id));
  log(`armed ${loaded} open stop order(s)`);
  // Announced orders, from this process or (through the relay) any other: armed at once. After the relay
  // lost its connection, every open order is read again.
  unsubscribe.push(
    marketEvents.on("order-armed", (o) => void armed.arm(o)),
    marketEvents.on("order-disarmed", ({ id }) => armed.disarm(id)),
    marketEvents.on("events-resync", () => {
      void armed.reloadOpen().then((n) => log(`re-synced ${n} open order(s) after the event channel came back`), (e: unknown) => log(`re-sync failed: ${e instanceof Error ? e.message : String(e)}`));
    }),
  );
  await pairs.start();
  relay?.shareTicksOf((symbol) => pairs.holds(symbol));
  metrics.armedOrders.set(armed.size);

  // Fills one fired batch (lib/trading/fire-orders.ts: several fills per transaction, each order's outcome
  // as if filled one by one). The trade price is used as is (gaps honoured); the orders not yet filled are
  // put back when this worker lost the lease or the price went stale meanwhile.
  const fills = new FillQueue(async (batch: FiredBatch) => {
    const live = () => !stopped && pairs.holds(batch.symbol) && !priceStore.isTooOld(batch.symbol, batch.receivedAt, marketNow());
    const onFired = (fired: Fired) => {
      const { order } = fired;
      if ("error" in fired) {
        armed.settle(order, false);
        log(`fill of order ${order.id} failed, re-checking it on the next sync: ${fired.error instanceof Error ? fired.error.message : String(fired.error)}`);
        return;
      }
      const r = fired.result;
      if (r.outcome === "FILLED" || r.outcome === "REJECTED") metrics.fillLatency.observe((Date.now() - batch.receivedAt) / 1000);
      metrics.ordersFired.inc({ type: order.type, outcome: r.outcome });
      armed.settle(order, true);
      if (r.siblingId && r.outcome !== "GONE") armed.disarm(r.siblingId);
      if (r.next) armed.arm(r.next);
      if (r.outcome === "FILLED" || r.outcome === "REJECTED") marketEvents.emit("fill", { portfolioId: r.portfolioId, orderId: r.orderId, outcome: r.outcome });
      if (r.outcome !== "GONE") {
        marketEvents.emit("order-changed", { portfolioId: r.portfolioId, orderId: r.orderId });
        if (r.siblingId) marketEvents.emit("order-changed", { portfolioId: r.portfolioId, orderId: r.siblingId });
      }
      log(`order ${order.id} ${r.outcome} at ${unitsToNumber(batch.price)} (${batch.symbol} trade ${batch.tradeId})`);
    };
    const onChunk = (c: { size: number; outcome: string; error?: unknown }) => {
      if (c.outcome === "refused") log(`${c.size} fills of one ${batch.symbol} trade refused together (an order gone or funds short): filling them one by one`);
      if (c.outcome === "failed") log(`${c.size} fills of one ${batch.symbol} trade failed together, filling them one by one: ${c.error instanceof Error ? c.error.message : String(c.error)}`);
    };
    const unfired = live()
      ? await fireOrders({ orders: batch.orders, price: batch.price, tradeId: batch.tradeId, tradeTime: batch.tradeTime, proceed: live, onFired, onChunk })
      : batch.orders;
    for (const order of unfired) armed.settle(order, false);
  });

  const onTrade = (t: Trade) => {
    marketEvents.emit("tick", { symbol: t.symbol, price: unitsToNumber(t.price), tradeId: t.tradeId, time: t.time, source });
    metrics.feedLag.set({ symbol: t.symbol }, Math.max(0, t.receivedAt - t.time) / 1000);
    // Only trades fire orders, only the pair's lease holder fills, never on a stale price.
    if (stopped || !pairs.holds(t.symbol) || priceStore.isStale(priceStore.get(t.symbol))) return;
    const fired = armed.take(t.symbol, t.price);
    const activated = armed.drainActivated();
    if (activated.length) void recordActivations(activated).catch((e: unknown) => log(`recording trailing activations failed: ${e instanceof Error ? e.message : String(e)}`));
    if (fired.length) {
      fills.enqueue({ symbol: t.symbol, orders: fired, price: t.price, tradeId: t.tradeId, tradeTime: t.time, receivedAt: t.receivedAt });
    }
  };
  const onTicker = (t: Ticker) => {
    marketEvents.emit("ticker", {
      symbol: t.symbol,
      price: unitsToNumber(t.last),
      open: unitsToNumber(t.open),
      high: unitsToNumber(t.high),
      low: unitsToNumber(t.low),
      volume: t.volume,
      quoteVolume: t.quoteVolume,
      change_pct_24h: changePct(t.last, t.open),
      time: t.time,
      source,
    });
  };

  priceStore.clear();
  priceStore.feedSource = source;
  let feed: MarketFeed;
  let simulated: SimulatedMarket | null = null;
  let feedWasUp = false;
  let replay: ReplayMarket | null = null;
  if (source === "replay") {
    replay = new ReplayMarket({
      store: priceStore,
      dir: env.REPLAY_DIR,
      start: env.REPLAY_START ? Date.parse(env.REPLAY_START) : undefined,
      speed: env.REPLAY_SPEED,
      loop: env.REPLAY_LOOP,
      onTrade,
      onTicker,
      onState: (s) => marketEvents.emit("replay", s),
      fillsPending: () => fills.pending > 0,
      fillsDone: () => fills.drain(),
      onLog: log,
    });
    feed = replay;
  } else if (source === "simulated") {
    simulated = new SimulatedMarket({
      store: priceStore,
      startPrices: await lastKnownPrices(),
      tickMs: options.simulatedTickMs,
      onTrade,
      onTicker,
      onLog: log,
    });
    feed = simulated;
  } else {
    feed = new BinanceFeed({
      wsUrl: env.BINANCE_WS_URL,
      restUrl: env.BINANCE_REST_URL,
      store: priceStore,
      onTrade,
      onTicker,
      onLog: log,
      onConnection: (up) => {
        if (up && feedWasUp) metrics.feedReconnects.inc();
        feedWasUp ||= up;
        log(up ? "prices live" : "prices stale (feed down)");
      },
    });
  }
  await feed.start();

  // Periodic jobs; each skips a beat rather than overlapping itself. Returns a "run now" trigger.
  const every = (ms: number, job: () => Promise<void>, name: string) => {
    let running = false;
    const run = () => {
      if (running || stopped) return;
      running = true;
      const p = job()
        .catch((e: unknown) => log(`${name} failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => {
          running = false;
          jobs.delete(p);
        });
      jobs.add(p);
    };
    timers.push(setInterval(run, ms));
    return run;
  };

  every(options.syncMs ?? env.ORDER_SYNC_MS, async () => {
    await armed.sync();
    metrics.armedOrders.set(armed.size);
  }, "order sync");

  // Trailing stops' moved watermarks: written at most once a second (and at shutdown) so that a restart
  // resumes from them, and announced as order changes so the owner's open-orders list shows the trigger move.
  // Only the pairs this worker fills: another worker's index is the one that watches theirs.
  const writeWatermarks = async () => {
    const moved = armed.drainMoved().filter((m) => pairs.holds(m.symbol));
    if (!moved.length) return;
    await recordWatermarks(moved);
    for (const m of moved) for (const o of m.orders) marketEvents.emit("order-changed", { portfolioId: o.portfolioId, orderId: o.id, triggerMoved: true });
  };
  every(1000, writeWatermarks, "watermark write");

  const writer = new PriceWriter(priceStore);
  every(1000, async () => {
    await writer.flush(marketNow(), (symbol) => pairs.holds(symbol));
  }, "price write");

  // Candles: Binance history through REST (never per user request), or the simulated market's or the
  // replay's own. A replay replaces each cached pair-interval on its first write (and when it loops), so
  // the charts never mix another period's candles into the replayed one.
  const filled = new Set<string>();
  let historyLogged = false;
  const failing = new Set<string>();
  let replayGeneration = replay?.generation ?? 0;
  const refreshKlines = async () => {
    if (replay && replay.generation !== replayGeneration) {
      // market time went back to the start: order stamps are ahead of the clock, so reload rather than sync
      replayGeneration = replay.generation;
      filled.clear();
      await armed.loadAll();
    }
    const started = Date.now();
    const firstFill = !historyLogged;
    for (const p of PAIRS) {
      if (!pairs.holds(p.symbol)) continue;
      for (const interval of KLINE_INTERVALS as readonly KlineInterval[]) {
        if (stopped) return;
        const key = `${p.symbol}:${interval}`;
        const full = !filled.has(key);
        if (simulated) {
          const candles = simulated.candles(p.symbol, interval);
          await writeCandles(p.symbol, interval, full ? candles : candles.slice(-RECENT));
        } else if (replay) {
          const candles = replay.candles(p.symbol, interval);
          if (full) await replaceCandles(p.symbol, interval, candles);
          else await writeCandles(p.symbol, interval, candles.slice(-RECENT));
        } else {
          // one pair failing (delisted, rate limited) must not hold up the others; logged once per failure spell
          try {
            const candles = await fetchKlines(env.BINANCE_REST_URL, p.symbol, interval, full ? FULL_HISTORY : RECENT);
            await writeCandles(p.symbol, interval, candles);
            failing.delete(key);
          } catch (e) {
            if (!failing.has(key)) log(`candles ${key} failed: ${e instanceof Error ? e.message : String(e)}`);
            failing.add(key);
            continue;
          }
        }
        filled.add(key);
      }
    }
    if (firstFill && filled.size > 0) {
      historyLogged = true;
      log(`candle history cached (${filled.size} pair-intervals) in ${Date.now() - started} ms`);
    }
  };
  const klinesNow = every(options.klineRefreshMs ?? (simulated || replay ? 10_000 : 30_000), refreshKlines, "candle refresh");
  klinesNow(); // the first fill starts right away, in the background

  log(`worker started (source ${source}, fills ${pairs.held().length} pair(s)${lease.isLeader() ? ", runs the scheduled jobs" : ""})`);

  return {
    source,
    holder,
    isLeader: () => lease.isLeader(),
    fills: () => pairs.held(),
    armedCount: () => armed.size,
    // Stops the feed and the jobs, lets running fills finish, then hands the lease back.
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const t of timers) clearInterval(t);
      for (const u of unsubscribe) u();
      await feed.stop();
      await Promise.all([...jobs]);
      await fills.drain();
      await writeWatermarks().catch((e: unknown) => log(`watermark write failed: ${e instanceof Error ? e.message : String(e)}`));
      relay?.shareTicksOf(null);
      await pairs.stop();
      await lease.stop();
      registerWatermarkLookup(null);
      priceStore.feedSource = null;
      log("worker stopped");
    },
  };
}
