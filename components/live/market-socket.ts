// The one websocket to the app's /ws for the whole page: prices, 24 h stats and the user's fills. A
// store outside React; components subscribe to exactly the symbol they show (useSyncExternalStore), so a
// tick re-renders the price it changes and nothing else.

export type Direction = "up" | "down" | "flat";

export interface Quote {
  price: number;
  direction: Direction;
  source: string | null;
  time: number;
  stale?: boolean;
}

export interface Ticker {
  price: number;
  open: number;
  high: number;
  low: number;
  volume: number;
  quoteVolume: number;
  change_pct_24h: number | null;
}

export interface Trade {
  id: string;
  price: number;
  time: number;
  direction: Direction;
}

export interface Fill {
  orderId: string;
  outcome: "FILLED" | "REJECTED";
}

/** {"type":"order"}: one of the user's orders changed (placed, filled, cancelled, expired, rejected). */
export interface OrderEvent {
  order: { order_id: string; status: string; symbol?: string } & Record<string, unknown>;
}

export interface SocketStatus {
  connected: boolean;
  source: string | null;
  /** time of the last tick of any symbol (local clock) */
  lastTickAt: number;
  /** the server's word on whether prices are stale ({"type":"market"}); null until it has spoken */
  stale: boolean | null;
}

/** {"type":"replay"}: the replayed market's clock (market time in epoch ms). */
export interface ReplayClock {
  time: number;
  speed: number;
  paused: boolean;
  ended: boolean;
}

type Listener = () => void;
const TRADES_KEPT = 30;

const quotes = new Map<string, Quote>();
const tickers = new Map<string, Ticker>();
const trades = new Map<string, Trade[]>();
const symbolListeners = new Map<string, Set<Listener>>();
const statusListeners = new Set<Listener>();
const fillListeners = new Set<(f: Fill) => void>();
const orderListeners = new Set<(o: OrderEvent) => void>();
const replayListeners = new Set<(r: ReplayClock) => void>();
const wanted = new Map<string, number>();
let status: SocketStatus = { connected: false, source: null, lastTickAt: 0, stale: null };
let socket: WebSocket | null = null;
let retryMs = 1000;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function notify(symbol: string): void {
  for (const l of symbolListeners.get(symbol) ?? []) l();
}
function setStatus(next: Partial<SocketStatus>): void {
  status = { ...status, ...next };
  for (const l of statusListeners) l();
}

function sendSubscriptions(): void {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "subscribe", symbols: [...wanted.keys()] }));
}

function onMessage(raw: string): void {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return;
  }
  const symbol = typeof m.symbol === "string" ? m.symbol : "";
  if (m.type === "tick" && symbol && typeof m.price === "number") {
    const prev = quotes.get(symbol);
    const direction: Direction = !prev ? "flat" : m.price > prev.price ? "up" : m.price < prev.price ? "down" : prev.direction;
    const time = typeof m.time === "number" ? m.time : Date.now();
    const source = typeof m.source === "string" ? m.source : null;
    quotes.set(symbol, { price: m.price, direction, source, time });
    const list = trades.get(symbol) ?? [];
    const tradeDir: Direction = !prev ? "flat" : m.price > prev.price ? "up" : m.price < prev.price ? "down" : "flat";
    trades.set(symbol, [{ id: typeof m.tradeId === "string" || typeof m.tradeId === "number" ? String(m.tradeId) : String(time), price: m.price, time, direction: tradeDir }, ...list].slice(0, TRADES_KEPT));
    if (source !== status.source || Date.now() - status.lastTickAt > 1000) setStatus({ source, lastTickAt: Date.now() });
    notify(symbol);
  } else if (m.type === "market" && typeof m.stale === "boolean") {
    setStatus({ stale: m.stale, ...(typeof m.source === "string" ? { source: m.source } : {}) });
  } else if (m.type === "ticker" && symbol) {
    const n = (k: string): number => { const v = m[k]; return typeof v === "number" ? v : 0; };
    tickers.set(symbol, {
      price: n("price"),
      open: n("open"),
      high: n("high"),
      low: n("low"),
      volume: n("volume"),
      quoteVolume: n("quoteVolume"),
      change_pct_24h: typeof m.change_pct_24h === "number" ? m.change_pct_24h : null,
    });
    notify(symbol);
  } else if (m.type === "fill" && typeof m.orderId === "string") {
    const fill: Fill = { orderId: m.orderId, outcome: m.outcome === "REJECTED" ? "REJECTED" : "FILLED" };
    for (const l of fillListeners) l(fill);
  } else if (m.type === "order" && typeof m.order === "object" && m.order !== null && typeof (m.order as { order_id?: unknown }).order_id === "string") {
    const event = { order: m.order as OrderEvent["order"] };
    for (const l of orderListeners) l(event);
  } else if (m.type === "replay" && typeof m.time === "number" && typeof m.speed === "number") {
    const clock: ReplayClock = { time: m.time, speed: m.speed, paused: m.paused === true, ended: m.ended === true };
    for (const l of replayListeners) l(clock);
  }
}

// This origin's /ws, or the worker's socket the page names (NEXT_PUBLIC_WS_URL, rendered as a meta tag).
function socketUrl(): string {
  const named = document.querySelector<HTMLMetaElement>('meta[name="compraventa-ws-url"]')?.content;
  return named || `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
}

function connect(): void {
  if (typeof window === "undefined" || socket) return;
  const url = socketUrl();
  const ws = new WebSocket(url);
  socket = ws;
  ws.onopen = () => {
    retryMs = 1000;
    setStatus({ connected: true });
    sendSubscriptions();
  };
  ws.onmessage = (e) => onMessage(typeof e.data === "string" ? e.data : "");
  ws.onclose = () => {
    socket = null;
    setStatus({ connected: false });
    // Reconnect with backoff; the session cookie authenticates the new socket again.
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 15_000);
  };
}

/** Seeds prices known at render time (server data), so the first paint already shows them. */
export function seedQuotes(rows: { symbol: string; price: number | null; source: string | null; stale: boolean }[]): void {
  // On the server this module is shared by every request: always take this render's prices, so the HTML
  // matches what the browser hydrates from the same props. In the browser, live quotes win.
  const server = typeof window === "undefined";
  for (const r of rows) {
    if (r.price === null || (!server && quotes.has(r.symbol))) continue;
    quotes.set(r.symbol, { price: r.price, direction: "flat", source: r.source, time: 0, stale: r.stale });
  }
}

/** Seeds 24 h stats (from candles) until the first ticker message arrives. */
export function seedTicker(symbol: string, t: Ticker): void {
  if (!tickers.has(symbol)) tickers.set(symbol, t);
}

/** Asks the server for a symbol's ticks while someone shows it; returns the release function. */
export function watchSymbol(symbol: string): () => void {
  wanted.set(symbol, (wanted.get(symbol) ?? 0) + 1);
  connect();
  if (wanted.get(symbol) === 1) sendSubscriptions();
  return () => {
    const n = (wanted.get(symbol) ?? 1) - 1;
    if (n <= 0) wanted.delete(symbol);
    else wanted.set(symbol, n);
  };
}

export function subscribeSymbol(symbol: string, listener: Listener): () => void {
  let set = symbolListeners.get(symbol);
  if (!set) symbolListeners.set(symbol, (set = new Set()));
  set.add(listener);
  const release = watchSymbol(symbol);
  return () => {
    set.delete(listener);
    release();
  };
}

export const getQuote = (symbol: string): Quote | undefined => quotes.get(symbol);
export const getTicker = (symbol: string): Ticker | undefined => tickers.get(symbol);
export const getTrades = (symbol: string): Trade[] | undefined => trades.get(symbol);

export function subscribeStatus(listener: Listener): () => void {
  statusListeners.add(listener);
  connect();
  return () => statusListeners.delete(listener);
}
export const getStatus = (): SocketStatus => status;

/** Hears the signed-in user's fills (the server sends them to sockets with a valid session). */
export function subscribeFills(listener: (f: Fill) => void): () => void {
  fillListeners.add(listener);
  connect();
  return () => fillListeners.delete(listener);
}

/** Hears every change of the signed-in user's orders. */
export function subscribeOrders(listener: (o: OrderEvent) => void): () => void {
  orderListeners.add(listener);
  connect();
  return () => orderListeners.delete(listener);
}

/** Hears the replay's clock (every second while the market is replayed, at once on pause or speed). */
export function subscribeReplay(listener: (r: ReplayClock) => void): () => void {
  replayListeners.add(listener);
  connect();
  return () => replayListeners.delete(listener);
}
