// The symbol filters of exchangeInfo (binance-api.md §4), enforced on /api/v3 order entry only:
// -1013 "Filter failure: <NAME>". PRICE_FILTER for price and stopPrice, LOT_SIZE for the quantity (market
// orders too), NOTIONAL against the order's price (market orders: the last price, or quoteOrderQty),
// TRAILING_DELTA. MAX_NUM_ORDERS is the core's open-order cap (TOO_MANY_OPEN_ORDERS, ./errors.ts).
import type { Pair } from "@/lib/markets";
import { mulUnits } from "@/lib/money";
import { MAX_TRAILING_DELTA, MIN_TRAILING_DELTA } from "@/lib/trading/trailing-stop";
import { filterFailure } from "./errors";
import { MAX_NOTIONAL_FILTER, MAX_PRICE, MAX_QTY } from "./exchange-info";

export interface FilteredOrder {
  pair: Pair;
  market: boolean;
  quantity?: bigint;
  quoteOrderQty?: bigint;
  price?: bigint;
  stopPrice?: bigint;
  trailingDelta?: number;
}

function priceFilter(p: Pair, v: bigint | undefined): void {
  if (v === undefined) return;
  if (v < p.tick || v > MAX_PRICE || v % p.tick !== 0n) throw filterFailure("PRICE_FILTER");
}

/** Throws the first filter the order fails; `last` is the last trade price (market orders, stops without a price). */
export function checkFilters(o: FilteredOrder, last: bigint): void {
  priceFilter(o.pair, o.price);
  priceFilter(o.pair, o.stopPrice);
  if (o.quantity !== undefined && (o.quantity < o.pair.step || o.quantity > MAX_QTY || o.quantity % o.pair.step !== 0n)) {
    throw filterFailure("LOT_SIZE");
  }
  const notional = o.quoteOrderQty ?? mulUnits(o.quantity ?? 0n, o.market ? last : (o.price ?? o.stopPrice ?? last), "down");
  if (notional < o.pair.minNotional || (!o.market && notional > MAX_NOTIONAL_FILTER)) throw filterFailure("NOTIONAL");
  if (o.trailingDelta !== undefined && (o.trailingDelta < MIN_TRAILING_DELTA || o.trailingDelta > MAX_TRAILING_DELTA)) {
    throw filterFailure("TRAILING_DELTA");
  }
}
