// The replayed market: recorded Binance klines played back as trades through the same path as the live
// feed (price store, onTrade -> armed orders -> fills), on the market clock (lib/market/market-clock.ts).
// Each pair is driven by its finest interval; each candle becomes the trades of candlePath(), merged
// across pairs in time order. Paced at `speed` market ms per real ms, or as fast as it can (maxSpeed).
// Market time never runs past a trade not yet played (the clock's cap), and after a trade that fired
// orders it waits at that trade until their fills are written: at any speed and on any machine a trade
// is fresh when it fires orders and an order fills at the trade that fired it.
// Candles of the charted intervals and 24 h stats are built from the replayed data as it plays.
import { PAIRS } from "@/lib/markets";
import { CandleHistory } from "../candle-history";
import type { KlineInterval } from "../intervals";
import { capReplayClock, marketNow, replayClock, resetMarketClock, setReplayClock } from "../market-clock";
import type { PriceStore } from "../price-store";
import type { FeedHandlers, MarketFeed, Trade } from "../types";
import type { Candle } from "../binance-rest";
import { candlePath, type PathStep } from "./candle-path";
import type { ReplayCandle } from "./kline-csv";
import { readPairCandles, scanReplayDir, type PairData, type ReadStats } from "./replay-files";
import { markReplayEnded, registerReplay, replayState, unregisterReplay, type ReplayInfo, type ReplayState } from "./replay-registry";

export interface ReplayMarketOptions extends FeedHandlers {
  store: PriceStore;
  dir: string;
  /** market time to start at, epoch ms (default: the earliest time every pair has data) */
  start?: number;
  /** market ms per real ms (default 60) */
  speed?: number;
  /** start again at the end (default true) */
  loop?: boolean;
  /** replay as fast as possible, without sleeping (benchmarks); run() then resolves at the end */
  maxSpeed?: boolean;
  /** the clock changed (pause, speed) or a second passed: for the browsers */
  onState?: (state: ReplayState) => void;
  /** whether orders fired by the trades played so far are still being filled */
  fillsPending?: () => boolean;
  /** resolves when they are filled */
  fillsDone?: () => Promise<void>;
}

interface Cursor {
  data: PairData;
  stats: ReadStats;
  batches: AsyncGenerator<ReplayCandle[]>;
  buffer: ReplayCandle[];
  at: number;
  candle: ReplayCandle | null;
  steps: PathStep[];
  step: number;
  /** market time of the next trade; Infinity when the pair's data is over */
  next: number;
}

/** trades emitted between two looks at the clock and the event loop */
const BURST = 2000;
const SCALE = 1e8;

export class ReplayMarket implements MarketFeed {
  readonly source = "replay" as const;
  private cursors: Cursor[] = [];
  private history = new CandleHistory();
  private lastPrice = new Map<string, bigint>();
  private info: ReplayInfo | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;
  private tickerTimer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private trades = 0;
  /** bumped when the replay starts again from the beginning: cached candles are to be replaced */
  generation = 0;

  constructor(private readonly opts: ReplayMarketOptions) {}

  /** the replayed pairs and the interval that drives each */
  pairs(): Record<string, string> {
    return { ...(this.info?.pairs ?? {}) };
  }

  /** the candles of a pair and interval built so far, oldest first, the current one last */
  candles(symbol: string, interval: KlineInterval): readonly Candle[] {
    return this.history.candles(symbol, interval);
  }

  /** trades replayed so far */
  get tradeCount(): number {
    return this.trades;
  }

  // Reads the folder, fast-forwards to the start (candles before it build the chart history, without
  // trades), sets the market clock and starts playing. Throws when the folder has no usable data.
  async start(): Promise<void> {
    const found = await scanReplayDir(this.opts.dir);
    if (found.length === 0) throw new Error(`REPLAY_DIR ${this.opts.dir} has no kline files of the app's pairs (SYMBOL-INTERVAL….csv or .csv.gz)`);
    await this.open(found);
    const firsts = this.cursors.map((c) => c.candle?.openTime ?? Infinity).filter(Number.isFinite);
    if (firsts.length === 0) throw new Error(`REPLAY_DIR ${this.opts.dir}: no readable candles (${this.cursors.map((c) => c.stats.firstSkip).filter(Boolean).join("; ")})`);
    const dataStart = Math.min(...firsts);
    const start = this.opts.start ?? Math.max(...firsts);
    const pairs = Object.fromEntries(this.cursors.filter((c) => c.candle).map((c) => [c.data.symbol, c.data.interval]));
    const info: ReplayInfo = { pairs, dataStart, start, loop: this.opts.loop ?? true };
    this.info = info;
    const missing = PAIRS.filter((p) => !(p.symbol in pairs)).map((p) => p.symbol);
    this.log(`replaying ${this.opts.dir}: ${Object.entries(pairs).map(([s, i]) => `${s} ${i}`).join(", ")} from ${new Date(start).toISOString()}${missing.length ? `; no data (not tradable): ${missing.join(", ")}` : ""}`);
    for (const c of this.cursors) this.opts.store.setFreshFor(c.data.symbol, c.data.intervalMs);
    await this.fastForward(start);
    if (this.cursors.every((c) => !c.candle)) throw new Error(`REPLAY_START ${new Date(start).toISOString()} is after the end of the data in ${this.opts.dir}`);
    setReplayClock({ marketAt: start, speed: this.opts.speed ?? 60, paused: false });
    this.capAtNextTrade();
    this.opts.store.setConnected(true, start);
    this.opts.onConnection?.(true);
    registerReplay(info, { setPaused: (p) => this.setClock({ paused: p }), setSpeed: (s) => this.setClock({ speed: s }) });
    if (!this.opts.maxSpeed) {
      this.tickerTimer = setInterval(() => this.emitTickers(), 1000);
      this.running = this.play().catch((e: unknown) => this.log(`replay stopped on an error: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.tickerTimer) clearInterval(this.tickerTimer);
    this.tickerTimer = null;
    this.wake?.();
    await this.running;
    for (const c of this.cursors) await c.batches.return(undefined);
    this.opts.store.setConnected(false);
    this.opts.onConnection?.(false);
    unregisterReplay();
    resetMarketClock();
  }

  // maxSpeed: plays everything (once, whatever `loop` says) and resolves; returns the trades emitted.
  async run(): Promise<number> {
    const before = this.trades;
    let r: Awaited<ReturnType<ReplayMarket["emitUntil"]>>;
    while (!this.stopped && (r = await this.emitUntil(Infinity)) !== "end") {
      if (r === "fills") await this.holdForFills();
      else await new Promise((res) => setImmediate(res));
    }
    return this.trades - before;
  }

  // Publishes 24 h stats of every replayed pair at the current market time.
  emitTickers(): void {
    const now = marketNow();
    for (const c of this.cursors) {
      const last = this.lastPrice.get(c.data.symbol);
      if (last === undefined) continue;
      const ticker = this.history.dayTicker(c.data.symbol, last, now, (v) => BigInt(Math.round(v * SCALE)));
      this.opts.store.recordTicker(ticker, "replay", now);
      this.opts.onTicker?.(ticker);
    }
    const state = replayState();
    if (state) this.opts.onState?.(state);
  }

  private setClock(change: { paused?: boolean; speed?: number }): void {
    setReplayClock({ marketAt: marketNow(), ...change });
    this.wake?.();
    const state = replayState();
    if (state) this.opts.onState?.(state);
  }

  private log(line: string): void {
    this.opts.onLog?.(line);
  }

  private async open(found: PairData[]): Promise<void> {
    for (const c of this.cursors) await c.batches.return(undefined);
    this.cursors = [];
    for (const data of found) {
      const stats: ReadStats = { candles: 0, skipped: 0 };
      const cursor: Cursor = { data, stats, batches: readPairCandles(data.files, stats), buffer: [], at: 0, candle: null, steps: [], step: 0, next: Infinity };
      await this.nextCandle(cursor);
      this.cursors.push(cursor);
    }
  }

  // Moves a cursor to its next candle (reading the next batch when its buffer is used up).
  private async nextCandle(c: Cursor): Promise<void> {
    if (c.at >= c.buffer.length) {
      const r = await c.batches.next();
      c.buffer = r.done ? [] : r.value;
      c.at = 0;
    }
    const candle = c.buffer[c.at++] ?? null;
    c.candle = candle;
    c.step = 0;
    if (!candle) {
      c.steps = [];
      c.next = Infinity;
      if (c.stats.skipped) this.log(`${c.data.symbol}: ${c.stats.candles} candles replayed, ${c.stats.skipped} rows skipped (first: ${c.stats.firstSkip})`);
      return;
    }
    c.steps = candlePath(candle, c.data.intervalMs);
    c.next = candle.openTime + (c.steps[0]?.offset ?? 0);
  }

  // Candles before the start become chart history only; the last close is the pair's price until it trades.
  private async fastForward(start: number): Promise<void> {
    for (const c of this.cursors) {
      while (c.candle && c.candle.openTime < start) {
        const k = c.candle;
        this.history.add(c.data.symbol, k.openTime, Number(k.open) / SCALE, Number(k.high) / SCALE, Number(k.low) / SCALE, Number(k.close) / SCALE, k.volume);
        this.lastPrice.set(c.data.symbol, k.close);
        await this.nextCandle(c);
      }
    }
  }

  // Emits every trade up to market time `until`, at most BURST of them; "end" when all data is played,
  // "fills" right after a trade that fired orders (their fills are being written).
  private async emitUntil(until: number): Promise<"end" | "caught-up" | "burst" | "fills"> {
    for (let n = 0; n < BURST; n++) {
      const c = this.nextCursor();
      // market time waits at the trade about to be played (and, once all is played, at nothing)
      capReplayClock(c?.next ?? Infinity);
      if (!c) return "end";
      if (c.next > until) return "caught-up";
      const candle = c.candle as ReplayCandle;
      const step = c.steps[c.step] as PathStep;
      const time = c.next;
      const qty = candle.volume / c.steps.length;
      const trade: Trade = { symbol: c.data.symbol, price: step.price, qty, tradeId: String(candle.openTime * 10 + c.step), time, receivedAt: time };
      const f = Number(step.price) / SCALE;
      this.history.add(trade.symbol, time, f, f, f, f, qty);
      this.lastPrice.set(trade.symbol, step.price);
      this.opts.store.recordTrade(trade, "replay");
      this.trades++;
      if (this.opts.maxSpeed) setReplayClock({ marketAt: time });
      this.opts.onTrade?.(trade);
      c.step++;
      if (c.step < c.steps.length) c.next = candle.openTime + (c.steps[c.step] as PathStep).offset;
      else await this.nextCandle(c);
      if (this.opts.fillsPending?.()) return "fills";
    }
    this.capAtNextTrade();
    return "burst";
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(t);
        this.wake = null;
        resolve();
      };
    });
  }

  // The paced loop: plays what the clock has reached, then sleeps until the next trade is due (at most
  // 250 ms, so pause and speed changes apply quickly). A burst that cannot keep up holds the clock at the
  // last trade played: at very high speeds the replay runs as fast as the machine can, and never skips.
  private async play(): Promise<void> {
    while (!this.stopped) {
      const clock = replayClock();
      if (!clock || clock.paused) {
        await this.sleep(250);
        continue;
      }
      const r = await this.emitUntil(marketNow());
      if (r === "fills") {
        await this.holdForFills();
        continue;
      }
      if (r === "burst") {
        const played = this.lastTradeTime();
        if (played < marketNow()) setReplayClock({ marketAt: played });
        await new Promise((res) => setImmediate(res));
        continue;
      }
      if (r === "end") {
        if (this.info?.loop) {
          await this.restart();
          continue;
        }
        markReplayEnded(true);
        setReplayClock({ marketAt: marketNow(), paused: true });
        this.log("replay reached the end of its data (REPLAY_LOOP=false): the market stands still");
        this.emitTickers();
        return;
      }
      const next = Math.min(...this.cursors.map((c) => c.next));
      const speed = replayClock()?.speed ?? 1;
      await this.sleep(Math.max(1, Math.min(250, (next - marketNow()) / speed)));
    }
  }

  // The clock waits at the trade just played (still its cap) while its fills are written, then runs on
  // from there, as if the market had stood still meanwhile.
  private async holdForFills(): Promise<void> {
    await this.opts.fillsDone?.();
    setReplayClock({ marketAt: marketNow() });
    this.capAtNextTrade();
  }

  /** the cursor whose trade comes next; undefined when all data is played */
  private nextCursor(): Cursor | undefined {
    let c: Cursor | undefined;
    for (const x of this.cursors) if (x.next !== Infinity && (!c || x.next < c.next)) c = x;
    return c;
  }

  private capAtNextTrade(): void {
    capReplayClock(this.nextCursor()?.next ?? Infinity);
  }

  private lastTradeTime(): number {
    let t = -Infinity;
    for (const q of this.opts.store.all()) if (q.symbol in (this.info?.pairs ?? {}) && q.time > t) t = q.time;
    return t;
  }

  // From the top again: candle history rebuilt, prices stale until the first trade of the new pass.
  private async restart(): Promise<void> {
    const info = this.info;
    if (!info) return;
    this.log(`replay looped: back to ${new Date(info.start).toISOString()}`);
    this.history.clear();
    this.lastPrice.clear();
    await this.open(await scanReplayDir(this.opts.dir));
    await this.fastForward(info.start);
    this.generation++;
    this.opts.store.setConnected(false);
    this.opts.store.setConnected(true, info.start);
    setReplayClock({ marketAt: info.start });
    this.capAtNextTrade();
  }
}
