// The few Binance REST calls the worker makes (never per user request), each with a timeout.
import { findPair } from "@/lib/markets";
import { parsePrice } from "./binance-messages";
import type { KlineInterval } from "./intervals";

async function getJson(url: string, timeoutMs: number): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${new URL(url).pathname}`);
  return res.json();
}

const base = (restUrl: string) => restUrl.replace(/\/+$/, "");

// GET /api/v3/ping: true when Binance answers within the timeout.
export async function pingBinance(restUrl: string, timeoutMs = 3000): Promise<boolean> {
  try {
    await getJson(`${base(restUrl)}/api/v3/ping`, timeoutMs);
    return true;
  } catch {
    return false;
  }
}

// GET /api/v3/ticker/price (all symbols): the latest price of each of our pairs.
export async function fetchTickerPrices(restUrl: string, timeoutMs = 5000): Promise<Map<string, bigint>> {
  const body = await getJson(`${base(restUrl)}/api/v3/ticker/price`, timeoutMs);
  const out = new Map<string, bigint>();
  const rows = Array.isArray(body) ? body : [body];
  for (const row of rows) {
    if (typeof row !== "object" || row === null) continue;
    const { symbol, price } = row as { symbol?: unknown; price?: unknown };
    const pair = typeof symbol === "string" ? findPair(symbol) : undefined;
    const units = parsePrice(price);
    if (pair && units !== undefined && units > 0n) out.set(pair.symbol, units);
  }
  return out;
}

export interface Candle {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

// GET /api/v3/klines: Binance's 12-column rows, reduced to the six the app stores.
export async function fetchKlines(
  restUrl: string,
  symbol: string,
  interval: KlineInterval,
  limit: number,
  timeoutMs = 10_000,
): Promise<Candle[]> {
  const q = new URLSearchParams({ symbol, interval, limit: String(limit) });
  const body = await getJson(`${base(restUrl)}/api/v3/klines?${q}`, timeoutMs);
  if (!Array.isArray(body)) throw new Error("klines: unexpected body");
  const out: Candle[] = [];
  for (const row of body) {
    if (!Array.isArray(row) || row.length < 6) continue;
    const [openTime = NaN, open = NaN, high = NaN, low = NaN, close = NaN, volume = NaN] = (row as unknown[]).slice(0, 6).map(Number);
    const candle: Candle = { openTime, open, high, low, close, volume };
    if (Object.values(candle).every((v) => Number.isFinite(v))) out.push(candle);
  }
  return out;
}
