// A fake Binance on 127.0.0.1 (random port) speaking the real public protocol, for tests:
// REST /api/v3/ping, /api/v3/ticker/price, /api/v3/klines; websockets /stream?streams=a/b (combined
// frames {"stream","data"}) and /ws/a/b (raw payloads), with Binance's field names.
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import { messageText } from "@/lib/market/ws-message-text";

interface Subscriber {
  ws: WebSocket;
  streams: Set<string>;
  combined: boolean;
}

export interface MiniTickerInput {
  open: string;
  high: string;
  low: string;
  close: string;
  volume?: string;
  quoteVolume?: string;
}

const INTERVAL_MS: Record<string, number> = {
  "1m": 60_000,
  "5m": 300_000,
  "15m": 900_000,
  "1h": 3_600_000,
  "4h": 14_400_000,
  "12h": 43_200_000,
  "1d": 86_400_000,
  "1w": 604_800_000,
};

export class FakeBinance {
  private server = http.createServer((req, res) => this.handleHttp(req, res));
  // pings are answered by hand so that silence() can simulate a half-open connection
  private wss = new WebSocketServer({ noServer: true, autoPong: false });
  private silent = false;
  private subscribers = new Set<Subscriber>();
  private prices = new Map<string, string>();
  private tradeIds = new Map<string, number>();
  private klineRows = new Map<string, unknown[][]>();
  private refusing = false;
  private restDown = false;
  private throttled = 0;
  private usedWeight = 0;
  private weightMinute = 0;
  /** every HTTP request path with its query, in order */
  readonly requests: string[] = [];
  port = 0;

  static async start(): Promise<FakeBinance> {
    const fake = new FakeBinance();
    fake.server.on("upgrade", (req, socket, head) => fake.handleUpgrade(req, socket as Socket, head));
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get restUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** open websocket connections */
  get connectionCount(): number {
    return [...this.subscribers].filter((s) => s.ws.readyState === WebSocket.OPEN).length;
  }

  /** the streams each open connection is subscribed to */
  get subscriptions(): string[][] {
    return [...this.subscribers].map((s) => [...s.streams]);
  }

  /** Sets the REST snapshot price (ticker/price); pushes nothing to websockets. */
  setPrice(symbol: string, price: string): void {
    this.prices.set(symbol.toUpperCase(), price);
  }

  /** Pushes a trade (increasing `t` per symbol) to subscribers of <symbol>@trade; returns its id. */
  trade(symbol: string, price: string, qty = "0.01000000", buyerMaker = false): number {
    const s = symbol.toUpperCase();
    const id = (this.tradeIds.get(s) ?? 1000) + 1;
    this.tradeIds.set(s, id);
    this.prices.set(s, price);
    const now = Date.now();
    this.push(`${s.toLowerCase()}@trade`, { e: "trade", E: now, s, t: id, p: price, q: qty, T: now, m: buyerMaker, M: true });
    return id;
  }

  /** Pushes 24 h stats to !miniTicker@arr (as a one-element array) and <symbol>@miniTicker. */
  miniTicker(symbol: string, t: MiniTickerInput): void {
    const s = symbol.toUpperCase();
    const data = { e: "24hrMiniTicker", E: Date.now(), s, c: t.close, o: t.open, h: t.high, l: t.low, v: t.volume ?? "1000.00000000", q: t.quoteVolume ?? "1000000.00000000" };
    this.push("!miniTicker@arr", [data]);
    this.push(`${s.toLowerCase()}@miniTicker`, data);
  }

  /** Fixes the klines REST answer for a symbol and interval (Binance's 12-column rows). */
  setKlines(symbol: string, interval: string, rows: unknown[][]): void {
    this.klineRows.set(`${symbol.toUpperCase()}:${interval}`, rows);
  }

  /** Closes every websocket abruptly (as a network failure would). */
  dropConnections(): void {
    for (const s of this.subscribers) s.ws.terminate();
    this.subscribers.clear();
  }

  /** While true, websocket upgrades are answered 503 and closed. */
  refuseConnections(refuse: boolean): void {
    this.refusing = refuse;
  }

  /** While true, websocket pings go unanswered and nothing is pushed (a half-open connection). */
  silence(silent: boolean): void {
    this.silent = silent;
  }

  /** The next `n` klines calls are answered 429 with Retry-After: 1, as Binance does past its weight limit. */
  throttleKlines(n: number): void {
    this.throttled = n;
  }

  /** While true, every REST call is answered 503. */
  setRestDown(down: boolean): void {
    this.restDown = down;
  }

  async close(): Promise<void> {
    this.dropConnections();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private push(stream: string, data: unknown): void {
    for (const s of this.subscribers) {
      if (this.silent || !s.streams.has(stream) || s.ws.readyState !== WebSocket.OPEN) continue;
      s.ws.send(JSON.stringify(s.combined ? { stream, data } : data));
    }
  }

  private handleUpgrade(req: http.IncomingMessage, socket: Socket, head: Buffer): void {
    const url = new URL(req.url ?? "/", "http://x");
    let streams: string[] | undefined;
    let combined = false;
    if (url.pathname === "/stream") {
      combined = true;
      streams = (url.searchParams.get("streams") ?? "").split("/").filter(Boolean);
    } else if (url.pathname.startsWith("/ws")) {
      streams = url.pathname.slice(3).split("/").filter(Boolean);
    }
    if (this.refusing || !streams) {
      socket.end(`HTTP/1.1 ${this.refusing ? "503 Service Unavailable" : "404 Not Found"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const wanted = streams;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const sub: Subscriber = { ws, streams: new Set(wanted), combined };
      this.subscribers.add(sub);
      ws.on("close", () => this.subscribers.delete(sub));
      ws.on("ping", (data) => {
        if (!this.silent) ws.pong(data);
      });
      // Binance's live SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS requests.
      ws.on("message", (raw) => {
        let msg: { method?: string; params?: string[]; id?: unknown };
        try {
          msg = JSON.parse(messageText(raw)) as typeof msg;
        } catch {
          return;
        }
        if (msg.method === "SUBSCRIBE") for (const p of msg.params ?? []) sub.streams.add(p);
        if (msg.method === "UNSUBSCRIBE") for (const p of msg.params ?? []) sub.streams.delete(p);
        const result = msg.method === "LIST_SUBSCRIPTIONS" ? [...sub.streams] : null;
        ws.send(JSON.stringify({ result, id: msg.id ?? null }));
      });
    });
  }

  private handleHttp(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", "http://x");
    this.requests.push(url.pathname + url.search);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (this.restDown) return json(503, { code: -1, msg: "Service unavailable." });
    if (url.pathname === "/api/v3/ping") return json(200, {});
    if (url.pathname === "/api/v3/ticker/price") {
      const symbol = url.searchParams.get("symbol");
      if (symbol) {
        const price = this.prices.get(symbol.toUpperCase());
        return price ? json(200, { symbol: symbol.toUpperCase(), price }) : json(400, { code: -1121, msg: "Invalid symbol." });
      }
      return json(200, [...this.prices].map(([s, price]) => ({ symbol: s, price })));
    }
    if (url.pathname === "/api/v3/klines") {
      if (this.throttled > 0) {
        this.throttled--;
        res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
        res.end(JSON.stringify({ code: -1003, msg: "Too many requests; current limit of IP is 6000 request weight per 1 MINUTE." }));
        return;
      }
      // Binance's weight accounting: klines weigh 2, the minute's total is in x-mbx-used-weight-1m
      const minute = Math.floor(Date.now() / 60_000);
      if (minute !== this.weightMinute) [this.weightMinute, this.usedWeight] = [minute, 0];
      this.usedWeight += 2;
      res.setHeader("x-mbx-used-weight-1m", String(this.usedWeight));
      const symbol = (url.searchParams.get("symbol") ?? "").toUpperCase();
      const interval = url.searchParams.get("interval") ?? "";
      const limit = Math.min(1000, Number(url.searchParams.get("limit") ?? 500) || 500);
      const len = INTERVAL_MS[interval];
      if (!symbol || !len) return json(400, { code: -1120, msg: "Invalid interval." });
      const startTime = url.searchParams.has("startTime") ? Number(url.searchParams.get("startTime")) : undefined;
      const endTime = url.searchParams.has("endTime") ? Number(url.searchParams.get("endTime")) : undefined;
      const fixed = this.klineRows.get(`${symbol}:${interval}`);
      if (startTime !== undefined) {
        const rows = fixed ?? this.historyKlines(symbol, len, startTime, endTime ?? Date.now(), limit);
        return json(200, rows.filter((r) => Number(r[0]) >= startTime && (endTime === undefined || Number(r[0]) <= endTime)).slice(0, limit));
      }
      if (fixed) return json(200, fixed.slice(-limit));
      return json(200, this.generateKlines(symbol, len, limit));
    }
    json(404, { code: -1, msg: "Not found." });
  }

  // Candles of a past period from `startTime` (aligned to the interval): a deterministic zig-zag around
  // 100 whose open is the previous close, so downloads can be checked row by row.
  private historyKlines(symbol: string, len: number, startTime: number, endTime: number, limit: number): unknown[][] {
    const rows: unknown[][] = [];
    const first = Math.ceil(startTime / len) * len;
    for (let open = first; open <= endTime && rows.length < limit; open += len) {
      const n = open / len;
      const o = 100 + (n % 7);
      const c = 100 + ((n + 1) % 7);
      const f = (v: number) => v.toFixed(8);
      rows.push([open, f(o), f(Math.max(o, c) + 0.5), f(Math.min(o, c) - 0.5), f(c), "2.00000000", open + len - 1, "200.00000000", 3, "1.00000000", "100.00000000", "0"]);
    }
    return rows;
  }

  // Flat candles at the current price, ending with the candle that contains now.
  private generateKlines(symbol: string, len: number, limit: number): unknown[][] {
    const price = this.prices.get(symbol) ?? "100.00000000";
    const last = Math.floor(Date.now() / len) * len;
    const rows: unknown[][] = [];
    for (let i = limit - 1; i >= 0; i--) {
      const open = last - i * len;
      rows.push([open, price, price, price, price, "1.00000000", open + len - 1, price, 1, "0.50000000", price, "0"]);
    }
    return rows;
  }
}
