// Parsing of Binance's public stream messages (trade, 24hrMiniTicker) with their real field names.
import { findPair } from "@/lib/markets";
import { MAX_INPUT, parseUnits, unitsFromFloat } from "@/lib/money";
import type { Ticker, Trade } from "./types";

// Binance sends prices as decimal text with 8 decimals; anything finer falls back to float rounding.
export function parsePrice(text: unknown): bigint | undefined {
  const r = parseUnits(text);
  if (r.ok) return r.value;
  const n = typeof text === "string" ? Number(text) : NaN;
  return Number.isFinite(n) && n >= 0 ? unitsFromFloat(n) : undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

// {"e":"trade","E":..,"s":"BNBBTC","t":12345,"p":"0.001","q":"100","T":..,"m":true} -> Trade (known pairs only)
export function parseTrade(data: Json, receivedAt: number): Trade | undefined {
  if (data.e !== "trade" || typeof data.s !== "string") return undefined;
  const pair = findPair(data.s);
  const price = parsePrice(data.p);
  // A price past 1e9 (no real pair comes near) is not a trade we can value orders at: int64 columns end at 9.2e10.
  if (!pair || price === undefined || price <= 0n || price > MAX_INPUT) return undefined;
  if (typeof data.t !== "number" && typeof data.t !== "string") return undefined;
  const time = typeof data.T === "number" ? data.T : typeof data.E === "number" ? data.E : receivedAt;
  return { symbol: pair.symbol, price, qty: Number(data.q) || 0, tradeId: String(data.t), time, receivedAt };
}

// {"e":"24hrMiniTicker","E":..,"s":..,"c":..,"o":..,"h":..,"l":..,"v":..,"q":..} -> Ticker (known pairs only)
export function parseMiniTicker(data: Json): Ticker | undefined {
  if (data.e !== "24hrMiniTicker" || typeof data.s !== "string") return undefined;
  const pair = findPair(data.s);
  const last = parsePrice(data.c);
  const open = parsePrice(data.o);
  const high = parsePrice(data.h);
  const low = parsePrice(data.l);
  if (!pair || last === undefined || open === undefined || high === undefined || low === undefined) return undefined;
  return {
    symbol: pair.symbol,
    last,
    open,
    high,
    low,
    volume: Number(data.v) || 0,
    quoteVolume: Number(data.q) || 0,
    time: typeof data.E === "number" ? data.E : Date.now(),
  };
}

export type StreamMessage = { trades: Trade[]; tickers: Ticker[] };

// One websocket frame: combined-stream `{"stream":..,"data":..}` or a raw payload; data may be an array
// (`!miniTicker@arr`).
export function parseStreamFrame(text: string, receivedAt: number): StreamMessage {
  const out: StreamMessage = { trades: [], tickers: [] };
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return out;
  }
  const data = isObject(msg) && "data" in msg && "stream" in msg ? msg.data : msg;
  const items = Array.isArray(data) ? data : [data];
  for (const item of items) {
    if (!isObject(item)) continue;
    const trade = parseTrade(item, receivedAt);
    if (trade) out.trades.push(trade);
    else {
      const ticker = parseMiniTicker(item);
      if (ticker) out.tickers.push(ticker);
    }
  }
  return out;
}
