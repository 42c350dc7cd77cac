// The market worker: picks the source (Binance, replay or simulated), runs its feed into the price store and the
// event bus, keeps the open stop orders armed, and, while it holds the "market-filler" lease, fills the
// orders each trade fires and writes prices and candles to the database for other processes.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { PAIRS } from "@/lib/markets";
import { unitsToNumber } from "@/lib/money";
import { fireOrder } from "@/lib/trading/fire-order";
import { recordActivations } from "@/lib/trading/record-activations";
import { recordWatermarks } from "@/lib/trading/record-watermarks";
import { registerWatermarkLookup } from "@/lib/trading/live-watermarks";
import { ArmedOrders } from "./armed-orders";
import { BinanceFeed } from "./binance-feed";
import { fetchKlines } from "./binance-rest";
import { marketEvents } from "./events";
import { FillQueue, type FiredBatch } from "./fill-queue";
import { KLINE_INTERVALS, type KlineInterval } from "./intervals";
import { replaceCandles, writeCandles } from "./kline-cache";
import { LeaderLease } from "./leader-lease";
import { marketNow } from "./market-clock";
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
  /** milliseconds between order syncs with the database (default 1000) */
  syncMs?: number;
  /** milliseconds between candle refreshes (default 30 s Binance, 10 s simulated) */
  klineRefreshMs?: number;
  /** simulated market tick period (default 250 ms) */
  simulatedTickMs?: number;
}

export interface WorkerHandle {
  readonly source: MarketSource;
  isLeader(): boolean;
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
  const log = options.onLog ?? ((line: string) => console.log(`[market] ${line}`));
  const source = await selectMarketSource({ mode: options.source, onLog: log });
  const timers: NodeJS.Timeout[] = [];
  const unsubscribe: (() => void)[] = [];
  const jobs = new Set<Promise<void>>();
  let stopped = false;

  const lease = new LeaderLease({ onLog: log });
  await lease.start();

  const armed = new ArmedOrders();
  const loaded = await armed.loadAll();
  registerWatermarkLookup((id) => armed.watermark(id));
  log(`armed ${loaded} open stop order(s)`);
  unsubscribe.push(
    marketEvents.on("order-armed", (o) => void armed.arm(o)),
    marketEvents.on("order-disarmed", ({ id }) => armed.disarm(id)),
  );

  // Fills one fired batch, order by order. The trade price is used as is (gaps honoured); an order is
  // put back instead of filled when this worker lost the lease or the price went stale meanwhile.
  const fills = new FillQueue(async (batch: FiredBatch) => {
    for (const order of batch.orders) {
      if (stopped || !lease.isLeader() || priceStore.isTooOld(batch.symbol, batch.receivedAt, marketNow())) {
        armed.settle(order, false);
        continue;
      }
      try {
        const r = await fireOrder({ order, price: batch.price, tradeId: batch.tradeId, tradeTime: batch.tradeTime });
        armed.settle(order, true);
        if (r.siblingId && r.outcome !== "GONE") armed.disarm(r.siblingId);
        if (r.next) armed.arm(r.next);
        if (r.outcome === "FILLED" || r.outcome === "REJECTED") marketEvents.emit("fill", { userId: r.userId, orderId: r.orderId, outcome: r.outcome });
        if (r.outcome !== "GONE") {
          marketEvents.emit("order-changed", { userId: r.userId, orderId: r.orderId });
          if (r.siblingId) marketEvents.emit("order-changed", { userId: r.userId, orderId: r.siblingId });
        }
        log(`order ${order.id} ${r.outcome} at ${unitsToNumber(batch.price)} (${batch.symbol} trade ${batch.tradeId})`);
      } catch (e) {
        armed.settle(order, false);
        log(`fill of order ${order.id} failed, re-checking it on the next sync: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  });

  const onTrade = (t: Trade) => {
    marketEvents.emit("tick", { symbol: t.symbol, price: unitsToNumber(t.price), tradeId: t.tradeId, time: t.time, source });
    // Only trades fire orders, only the leader fills, never on a stale price.
    if (stopped || !lease.isLeader() || priceStore.isStale(priceStore.get(t.symbol))) return;
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
      onConnection: (up) => log(up ? "prices live" : "prices stale (feed down)"),
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

  every(options.syncMs ?? 1000, () => armed.sync(), "order sync");

  // Trailing stops' moved watermarks: written at most once a second (and at shutdown) so that a restart
  // resumes from them, and announced as order changes so the owner's open-orders list shows the trigger move.
  const writeWatermarks = async () => {
    const moved = armed.drainMoved();
    if (!moved.length) return;
    await recordWatermarks(moved);
    for (const m of moved) for (const o of m.orders) marketEvents.emit("order-changed", { userId: o.userId, orderId: o.id });
  };
  every(1000, async () => {
    if (lease.isLeader()) await writeWatermarks();
  }, "watermark write");

  const writer = new PriceWriter(priceStore);
  every(1000, async () => {
    if (lease.isLeader()) await writer.flush();
  }, "price write");

  // Candles: Binance history through REST (never per user request), or the simulated market's or the
  // replay's own. A replay replaces each cached pair-interval on its first write (and when it loops), so
  // the charts never mix another period's candles into the replayed one.
  const filled = new Set<string>();
  const failing = new Set<string>();
  let replayGeneration = replay?.generation ?? 0;
  const refreshKlines = async () => {
    if (!lease.isLeader()) return;
    if (replay && replay.generation !== replayGeneration) {
      // market time went back to the start: order stamps are ahead of the clock, so reload rather than sync
      replayGeneration = replay.generation;
      filled.clear();
      await armed.loadAll();
    }
    const started = Date.now();
    const firstFill = filled.size === 0;
    for (const p of PAIRS) {
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
    if (firstFill) log(`candle history cached (${filled.size} pair-intervals) in ${Date.now() - started} ms`);
  };
  const klinesNow = every(options.klineRefreshMs ?? (simulated || replay ? 10_000 : 30_000), refreshKlines, "candle refresh");
  klinesNow(); // the first fill starts right away, in the background

  log(`worker started (source ${source}, ${lease.isLeader() ? "leader" : "standby"})`);

  return {
    source,
    isLeader: () => lease.isLeader(),
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
      if (lease.isLeader()) await writeWatermarks().catch((e: unknown) => log(`watermark write failed: ${e instanceof Error ? e.message : String(e)}`));
      await lease.stop();
      registerWatermarkLookup(null);
      priceStore.feedSource = null;
      log("worker stopped");
    },
  };
}
