// The Kline table: the candle cache /api/klines and the prediction read. Only the worker writes it,
// from Binance's REST klines or from the simulated market's history.
import { atomic, type Step } from "@/lib/atomic";
import type { Candle } from "./binance-rest";
import type { KlineInterval } from "./intervals";

const UPSERT = `INSERT INTO "Kline" ("symbol", "interval", "openTime", "open", "high", "low", "close", "volume") VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT ("symbol", "interval", "openTime") DO UPDATE SET "open" = excluded."open", "high" = excluded."high",
  "low" = excluded."low", "close" = excluded."close", "volume" = excluded."volume"`;

const CHUNK = 250;

// Inserts or updates candles, a few hundred per transaction so a long history never blocks for long.
export async function writeCandles(symbol: string, interval: KlineInterval, candles: readonly Candle[]): Promise<void> {
  for (let i = 0; i < candles.length; i += CHUNK) {
    const steps: Step[] = candles.slice(i, i + CHUNK).map((c) => ({
      sql: UPSERT,
      params: [symbol, interval, BigInt(c.openTime), c.open, c.high, c.low, c.close, c.volume],
    }));
    await atomic(steps);
    // let other work (ticks, requests) run between chunks
    await new Promise((r) => setImmediate(r));
  }
}
