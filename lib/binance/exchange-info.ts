// GET /api/v3/exchangeInfo – the pairs as Binance describes them, with the filters of binance-api.md §4
// (the values the order filters of ./order-filters.ts enforce) and the configured rate limits.
import { env } from "@/lib/env";
import { PAIRS, type Pair } from "@/lib/markets";
import { MAX_INPUT } from "@/lib/money";
import { ORDER_TYPES } from "@/lib/trading/order-types";
import { MAX_TRAILING_DELTA, MIN_TRAILING_DELTA } from "@/lib/trading/trailing-stop";
import { fixed8 } from "./present-order";
import { RATE_LIMITS } from "./rate-limits";

export const MAX_PRICE = MAX_INPUT;
export const MAX_QTY = MAX_INPUT;
export const MAX_NOTIONAL_FILTER = MAX_INPUT;

export function symbolFilters(p: Pair) {
  return [
    { filterType: "PRICE_FILTER", minPrice: fixed8(p.tick), maxPrice: fixed8(MAX_PRICE), tickSize: fixed8(p.tick) },
    { filterType: "LOT_SIZE", minQty: fixed8(p.step), maxQty: fixed8(MAX_QTY), stepSize: fixed8(p.step) },
    {
      filterType: "NOTIONAL", minNotional: fixed8(p.minNotional), applyMinToMarket: true, maxNotional: fixed8(MAX_NOTIONAL_FILTER),
      applyMaxToMarket: false, avgPriceMins: 0,
    },
    {
      filterType: "TRAILING_DELTA", minTrailingAboveDelta: MIN_TRAILING_DELTA, maxTrailingAboveDelta: MAX_TRAILING_DELTA,
      minTrailingBelowDelta: MIN_TRAILING_DELTA, maxTrailingBelowDelta: MAX_TRAILING_DELTA,
    },
    { filterType: "MAX_NUM_ORDERS", maxNumOrders: env.MAX_OPEN_ORDERS_PER_SYMBOL },
  ];
}

function symbolInfo(p: Pair) {
  return {
    symbol: p.symbol, status: "TRADING", baseAsset: p.base, baseAssetPrecision: 8, quoteAsset: p.quote, quotePrecision: 8,
    quoteAssetPrecision: 8, baseCommissionPrecision: 8, quoteCommissionPrecision: 8, orderTypes: [...ORDER_TYPES],
    icebergAllowed: false, ocoAllowed: true, otoAllowed: false, quoteOrderQtyMarketAllowed: true, allowTrailingStop: true,
    cancelReplaceAllowed: false, amendAllowed: false, isSpotTradingAllowed: true, isMarginTradingAllowed: false,
    filters: symbolFilters(p), permissions: [], permissionSets: [["SPOT"]], defaultSelfTradePreventionMode: "NONE",
    allowedSelfTradePreventionModes: ["NONE"],
  };
}

/** Every pair, or those asked for (in the order asked). */
export function exchangeInfo(pairs: readonly Pair[] = PAIRS) {
  return { timezone: "UTC", serverTime: Date.now(), rateLimits: RATE_LIMITS(), exchangeFilters: [], symbols: pairs.map(symbolInfo) };
}

/** /fapi/v1 and /dapi/v1 exchangeInfo: Binance's shape, no futures. */
export function emptyExchangeInfo() {
  return { timezone: "UTC", serverTime: Date.now(), futuresType: "U_MARGINED", rateLimits: RATE_LIMITS(), exchangeFilters: [], assets: [], symbols: [] };
}
