// The built-in market for machines without internet: a random walk of every coin's USDT price, cross
// pairs derived from those (plus a small mean-reverting spread), trade ticks several times a second with
// increasing trade ids, 24 h stats, and candle history so charts and prediction have data.
import { PAIRS, REFERENCE_USDT_PRICES, type Coin } from "@/lib/markets";
import { unitsFromFloat, unitsToNumber } from "@/lib/money";
import type { Candle } from "./binance-rest";
import { CandleHistory } from "./candle-history";
import { candleOpenTime, INTERVAL_MS, KLINE_INTERVALS, type KlineInterval } from "./intervals";
import type { PriceStore } from "./price-store";
import type { FeedHandlers, MarketFeed } from "./types";

export interface SimulatedMarketOptions extends FeedHandlers {
  store: PriceStore;
  /** last known prices by pair (e.g. the MarketPrice table); USDT pairs seed the coins */
  startPrices?: ReadonlyMap<string, bigint>;
  /** milliseconds between ticks (default 250: four a second) */
  tickMs?: number;
  /** candles of history per interval (default 1000, the most /api/klines serves) */
  historyLength?: number;
  /** a source of uniform [0, 1) numbers; seed it for reproducible tests */
  random?: () => number;
}

const DAY = 86_400_000;
/** daily volatility of the walk (log-return standard deviation) */
const DAILY_VOL = 0.03;
/** base volume a pair trades per day, in USDT */
const DAILY_USDT_VOLUME = 50_000_000;

type BaseCoin = Exclude<Coin, "USDT">;

// Rounds a float price to about 7 significant digits, as an exchange's tick size would (min 1e-8).
function toTick(value: number): bigint {
  const units = unitsFromFloat(value);
  const exp = Math.floor(Math.log10(Math.max(value, 1e-8))) - 6 + 8;
  const tick = exp > 0 ? 10n ** BigInt(exp) : 1n;
  const rounded = ((units + tick / 2n) / tick) * tick;
  return rounded > 0n ? rounded : tick;
}

export class SimulatedMarket implements MarketFeed {
  readonly source = "simulated" as const;
  private timer: NodeJS.Timeout | null = null;
  private tickerTimer: NodeJS.Timeout | null = null;
  private usdt = new Map<Coin, number>();
  private spread = new Map<string, number>();
  private lastPrice = new Map<string, bigint>();
  private tradeIds = new Map<string, number>();
  private history: CandleHistory;
  private readonly random: () => number;
  private readonly dt: number;

  constructor(private readonly opts: SimulatedMarketOptions) {
    this.random = opts.random ?? Math.random;
    this.dt = opts.tickMs ?? 250;
    this.history = new CandleHistory(opts.historyLength ?? 1000);
    this.seedPrices();
  }

  // Starts ticking at once (the first tick is immediate, so prices are fresh right after start).
  async start(): Promise<void> {
    if (this.timer) return;
    const now = Date.now();
    if (this.history.isEmpty()) this.generateHistory(now);
    this.opts.store.setConnected(true, now);
    this.opts.onConnection?.(true);
    this.tick();
    this.emitTickers();
    this.timer = setInterval(() => this.tick(), this.dt);
    this.tickerTimer = setInterval(() => this.emitTickers(), 1000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.tickerTimer) clearInterval(this.tickerTimer);
    this.timer = this.tickerTimer = null;
    this.opts.store.setConnected(false);
    this.opts.onConnection?.(false);
  }

  /** the candles of a pair and interval, oldest first, the current (unfinished) one last */
  candles(symbol: string, interval: KlineInterval): readonly Candle[] {
    return this.history.candles(symbol, interval);
  }

  /** the current price of a pair */
  price(symbol: string): bigint | undefined {
    return this.lastPrice.get(symbol);
  }

  private gaussian(): number {
    const u = 1 - this.random();
    const v = this.random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  // Coin prices from the last known USDT pairs, else the configured reference; cross pairs start at
  // their last known price if it is within 5 % of base/quote (so they stay consistent), else at base/quote.
  private seedPrices(): void {
    const start = this.opts.startPrices ?? new Map<string, bigint>();
    this.usdt.set("USDT", 1);
    for (const [coin, ref] of Object.entries(REFERENCE_USDT_PRICES) as [BaseCoin, string][]) {
      const known = start.get(`${coin}USDT`);
      this.usdt.set(coin, known && known > 0n ? unitsToNumber(known) : Number(ref));
    }
    for (const p of PAIRS) {
      const fair = this.fair(p.base, p.quote);
      const known = start.get(p.symbol);
      const ratio = known && known > 0n && p.quote !== "USDT" ? Math.log(unitsToNumber(known) / fair) : 0;
      this.spread.set(p.symbol, Math.max(-0.05, Math.min(0.05, ratio)));
      this.lastPrice.set(p.symbol, toTick(fair * Math.exp(this.spread.get(p.symbol) ?? 0)));
      this.tradeIds.set(p.symbol, Date.now() * 1000);
    }
  }

  private fair(base: Coin, quote: Coin): number {
    return (this.usdt.get(base) ?? 1) / (this.usdt.get(quote) ?? 1);
  }

  // One step of the walk; about two pairs in three trade on each tick, like a real market's uneven flow.
  private tick(): void {
    const sigma = DAILY_VOL * Math.sqrt(this.dt / DAY);
    for (const [coin, price] of this.usdt) {
      if (coin !== "USDT") this.usdt.set(coin, price * Math.exp(sigma * this.gaussian()));
    }
    const now = Date.now();
    for (const p of PAIRS) {
      const s = (this.spread.get(p.symbol) ?? 0) * 0.98 + (p.quote === "USDT" ? 0 : 0.0002 * this.gaussian());
      this.spread.set(p.symbol, s);
      if (this.random() > 0.66) continue;
      const price = toTick(this.fair(p.base, p.quote) * Math.exp(s));
      const id = (this.tradeIds.get(p.symbol) ?? 0) + 1;
      this.tradeIds.set(p.symbol, id);
      this.lastPrice.set(p.symbol, price);
      const usdtValue = (this.usdt.get(p.base) ?? 1) * (0.01 + this.random() * 2) * 500;
      const qty = Math.max(1e-8, Number((usdtValue / (this.usdt.get(p.base) ?? 1)).toFixed(8)) / 500);
      const trade = { symbol: p.symbol, price, qty, tradeId: String(id), time: now, receivedAt: now };
      const f = unitsToNumber(price);
      this.history.add(p.symbol, now, f, f, f, f, qty);
      this.opts.store.recordTrade(trade, "simulated");
      this.opts.onTrade?.(trade);
    }
  }

  // History ending at the current price, generated backwards with a weak pull towards that price so
  // that 1,000 weekly candles do not wander off by orders of magnitude.
  private generateHistory(now: number): void {
    const count = this.opts.historyLength ?? 1000;
    for (const p of PAIRS) {
      const end = unitsToNumber(this.lastPrice.get(p.symbol) ?? 1n);
      const baseUsdt = this.usdt.get(p.base) ?? 1;
      for (const interval of KLINE_INTERVALS) {
        const len = INTERVAL_MS[interval];
        const sigma = DAILY_VOL * Math.sqrt(len / DAY);
        const lastOpen = candleOpenTime(interval, now);
        const candles: Candle[] = [];
        let close = end;
        for (let i = 0; i < count; i++) {
          const pull = 0.02 * Math.log(end / close);
          const open = close * Math.exp(sigma * this.gaussian() + pull);
          const wick = () => Math.abs(this.gaussian()) * sigma * 0.4;
          const volume = ((DAILY_USDT_VOLUME / baseUsdt) * (len / DAY) * (0.5 + this.random())) / (p.quote === "USDT" ? 1 : 20);
          candles.push({
            openTime: lastOpen - i * len,
            open: round(open),
            high: round(Math.max(open, close) * Math.exp(wick())),
            low: round(Math.min(open, close) * Math.exp(-wick())),
            close: round(close),
            volume: Number(volume.toFixed(8)),
          });
          close = open;
        }
        candles.reverse();
        this.history.set(p.symbol, interval, candles);
      }
    }
  }

  // 24 h stats from the 15-minute candles of the last day.
  private emitTickers(): void {
    const now = Date.now();
    for (const p of PAIRS) {
      const last = this.lastPrice.get(p.symbol);
      if (last === undefined) continue;
      const ticker = this.history.dayTicker(p.symbol, last, now, toTick);
      this.opts.store.recordTicker(ticker, "simulated", now);
      this.opts.onTicker?.(ticker);
    }
  }
}

function round(v: number): number {
  return Number(v.toPrecision(8));
}
