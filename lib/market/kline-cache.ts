// The Kline table: the candle cache /api/klines and the prediction read. Only the worker writes it,
// from Binance's REST klines or from the simulated market's or the replay's history.
import { atomic } from "@/lib/atomic";
import type { Candle } from "./binance-rest";
import type { KlineInterval } from "./intervals";

/** rows per statement: one multi-row upsert instead of a round trip per candle (PostgreSQL) */
const CHUNK = 200;

function upsertSql(rows: number): string {
  const values = Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
  return `INSERT INTO "Kline" ("symbol", "interval", "openTime", "open", "high", "low", "close", "volume") VALUES ${values}
ON CONFLICT ("symbol", "interval", "openTime") DO UPDATE SET "open" = excluded."open", "high" = excluded."high",
  "low" = excluded."low", "close" = excluded."close", "volume" = excluded."volume"`;
}

// Inserts or updates candles, a couple of hundred per statement, yielding between statements so a long
// history never blocks ticks and requests for long.
export async function writeCandles(symbol: string, interval: KlineInterval, candles: readonly Candle[]): Promise<void> {
  // one row per open time: a statement may not touch the same row twice (PostgreSQL refuses)
  const unique = [...new Map(candles.map((c) => [c.openTime, c])).values()];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const params = chunk.flatMap((c) => [symbol, interval, BigInt(c.openTime), c.open, c.high, c.low, c.close, c.volume]);
    await atomic([{ sql: upsertSql(chunk.length), params }]);
    await new Promise((r) => setImmediate(r));
  }
}

// Replaces every cached candle of a pair and interval by `candles` (a replay starting: its period only).
export async function replaceCandles(symbol: string, interval: KlineInterval, candles: readonly Candle[]): Promise<void> {
  await atomic([{ sql: `DELETE FROM "Kline" WHERE "symbol" = ? AND "interval" = ?`, params: [symbol, interval] }]);
  await writeCandles(symbol, interval, candles);
}
