// GET /api/v3/depth – a SYNTHESIZED order book (binance-api.md §5): there is no book here, orders fill at
// the last trade price. `limit` levels each side at last ∓ k·tick (k = 1…limit), each of a nominal size of
// 1000 lot steps. The tickers' bid and ask are its best levels, so the last price is its mid.
import type { Pair } from "@/lib/markets";
import { fixed8 } from "./present-order";

const LEVEL_STEPS = 1000n;

export const levelQty = (p: Pair) => p.step * LEVEL_STEPS;

/** The best bid and ask around `last`. */
export function bestLevels(p: Pair, last: bigint): { bid: bigint; ask: bigint } {
  return { bid: last > p.tick ? last - p.tick : 0n, ask: last + p.tick };
}

export function synthesizedDepth(p: Pair, last: bigint, limit: number, updateId: number) {
  const qty = fixed8(levelQty(p));
  const bids: [string, string][] = [];
  const asks: [string, string][] = [];
  for (let k = 1n; k <= BigInt(limit); k++) {
    const bid = last - k * p.tick;
    if (bid > 0n) bids.push([fixed8(bid), qty]);
    asks.push([fixed8(last + k * p.tick), qty]);
  }
  return { lastUpdateId: updateId, bids, asks };
}

/** Binance's depth weights by limit. */
export const depthWeight = (limit: number) => (limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250);
