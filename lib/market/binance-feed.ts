// The Binance market feed: one combined-stream websocket (every pair's @trade plus !miniTicker@arr) that
// reconnects with exponential backoff and jitter, and a REST price snapshot at every (re)connection.
import WebSocket from "ws";
import { PAIRS } from "@/lib/markets";
import { parseStreamFrame } from "./binance-messages";
import { messageText } from "./ws-message-text";
import { fetchTickerPrices } from "./binance-rest";
import type { PriceStore } from "./price-store";
import type { FeedHandlers, MarketFeed } from "./types";

export interface BinanceFeedOptions extends FeedHandlers {
  wsUrl: string;
  restUrl: string;
  store: PriceStore;
  symbols?: readonly string[];
  /** first reconnection delay; doubles up to maxBackoffMs, each delay randomised to 50-100 % */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** a connection that stays silent (no message, no pong) this long is dropped and redialled */
  idleTimeoutMs?: number;
  /**
   * how often to re-take the REST snapshot while some pair has had no trade for half of PRICE_MAX_AGE_MS
   * (quiet pairs such as XRPETH may not trade for minutes); 0 turns it off. Default 2000.
   */
  snapshotRefreshMs?: number;
  /** age beyond which a pair counts as quiet (default half the store's maximum age, 2500 ms) */
  quietAfterMs?: number;
}

export class BinanceFeed implements MarketFeed {
  readonly source = "binance" as const;
  private ws: WebSocket | null = null;
  private stopped = true;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private livenessTimer: NodeJS.Timeout | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private snapshotting = false;
  private snapshotOk = false;
  private lastHeard = 0;
  /** successful connections so far (tests and logs) */
  connections = 0;

  constructor(private readonly opts: BinanceFeedOptions) {}

  // The combined-stream URL: /stream?streams=btcusdt@trade/.../!miniTicker@arr
  streamUrl(): string {
    const symbols = this.opts.symbols ?? PAIRS.map((p) => p.symbol);
    const streams = [...symbols.map((s) => `${s.toLowerCase()}@trade`), "!miniTicker@arr"].join("/");
    return `${this.opts.wsUrl.replace(/\/+$/, "")}/stream?streams=${streams}`;
  }

  // Starts connecting and resolves at once: the feed keeps retrying in the background, prices stay stale
  // until it is up.
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
    const every = this.opts.snapshotRefreshMs ?? 2000;
    if (every > 0) {
      this.refreshTimer = setInterval(() => this.refreshQuiet(), every);
      this.refreshTimer.unref();
    }
  }

  // Closes the socket and stops reconnecting; every price becomes stale.
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.livenessTimer) clearInterval(this.livenessTimer);
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.reconnectTimer = this.livenessTimer = this.refreshTimer = null;
    const ws = this.ws;
    this.ws = null;
    this.setConnected(false);
    if (ws && ws.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        ws.once("close", () => resolve());
        ws.terminate();
      });
    }
  }

  private log(line: string): void {
    this.opts.onLog?.(line);
  }

  private setConnected(connected: boolean): void {
    const was = this.opts.store.isConnected();
    this.opts.store.setConnected(connected);
    if (was !== connected) this.opts.onConnection?.(connected);
  }

  private connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.streamUrl(), { handshakeTimeout: 10_000 });
    this.ws = ws;
    ws.on("open", () => {
      if (this.ws !== ws) return;
      this.connections++;
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.setConnected(true);
      this.log(`binance feed connected (connection ${this.connections})`);
      void this.snapshot();
      this.watchLiveness(ws);
    });
    ws.on("message", (raw) => {
      if (this.ws !== ws) return;
      const now = Date.now();
      this.lastHeard = now;
      const { trades, tickers } = parseStreamFrame(messageText(raw), now);
      for (const t of trades) {
        this.opts.store.recordTrade(t, "binance");
        this.opts.onTrade?.(t);
      }
      for (const t of tickers) {
        this.opts.store.recordTicker(t, "binance", now);
        this.opts.onTicker?.(t);
      }
    });
    // ws answers the server's pings itself; any pong or ping also proves the connection is alive.
    ws.on("pong", () => (this.lastHeard = Date.now()));
    ws.on("ping", () => (this.lastHeard = Date.now()));
    ws.on("error", (e) => this.log(`binance feed error: ${e.message}`));
    ws.on("close", () => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.livenessTimer) clearInterval(this.livenessTimer);
      this.livenessTimer = null;
      this.setConnected(false);
      this.scheduleReconnect();
    });
  }

  // Full-jitter exponential backoff so that many workers do not redial in lockstep.
  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const initial = this.opts.initialBackoffMs ?? 1000;
    const max = this.opts.maxBackoffMs ?? 30_000;
    const ceiling = Math.min(max, initial * 2 ** this.attempt);
    const delay = Math.round(ceiling * (0.5 + Math.random() * 0.5));
    this.attempt = Math.min(this.attempt + 1, 30);
    this.log(`binance feed disconnected: prices are stale; reconnecting in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  // Pings the server and drops a connection that has gone silent (half-open TCP never closes by itself).
  private watchLiveness(ws: WebSocket): void {
    const idle = this.opts.idleTimeoutMs ?? 60_000;
    const every = Math.max(250, Math.floor(idle / 3));
    this.livenessTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > idle) {
        this.log("binance feed silent: dropping the connection");
        ws.terminate();
        return;
      }
      try {
        ws.ping();
      } catch {
        // closed meanwhile; the close handler reconnects
      }
    }, every);
    this.livenessTimer.unref();
  }

  // While connected, re-takes the snapshot when some pair has been quiet for a while: Binance's ticker
  // price is its last trade, so a quiet pair's price is confirmed (or corrected) without waiting for a trade.
  private refreshQuiet(): void {
    if (this.stopped || this.snapshotting || !this.opts.store.isConnected()) return;
    const quietAfter = this.opts.quietAfterMs ?? 2500;
    const now = Date.now();
    const symbols = this.opts.symbols ?? PAIRS.map((p) => p.symbol);
    // A pair Binance does not list never gets a price: it does not count as quiet once a snapshot worked.
    const quiet = symbols.some((s) => {
      const q = this.opts.store.get(s);
      return q ? now - q.receivedAt > quietAfter : !this.snapshotOk;
    });
    if (quiet) void this.snapshot();
  }

  // A fresh price for every pair right after connecting (quiet pairs may not trade for a while).
  // Snapshots are not trades: they price market orders but never fire stop orders.
  private async snapshot(): Promise<void> {
    if (this.snapshotting) return;
    this.snapshotting = true;
    const requestedAt = Date.now();
    try {
      const prices = await fetchTickerPrices(this.opts.restUrl);
      if (this.stopped || !this.opts.store.isConnected()) return;
      const now = Date.now();
      for (const [symbol, price] of prices) this.opts.store.recordSnapshot(symbol, price, requestedAt, "binance", now);
      this.snapshotOk = true;
    } catch (e) {
      this.log(`binance price snapshot failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.snapshotting = false;
    }
  }
}
