// Coins, pairs and their steps, and the starting balance: the market configuration in one place.
import { env } from "./env";
import { parseDecimal } from "./money";

export const COINS = ["BTC", "ETH", "LTC", "XRP", "BNB", "USDT"] as const;
export type Coin = (typeof COINS)[number];

export interface Pair {
  symbol: string;
  base: Coin;
  quote: Coin;
  /** smallest base amount increment, in 1e-8 units (Binance's LOT_SIZE stepSize) */
  step: bigint;
  /** smallest price increment, in 1e-8 units (Binance's PRICE_FILTER tickSize) */
  tick: bigint;
  /** smallest order value in the quote coin, in 1e-8 units (Binance's NOTIONAL minNotional) */
  minNotional: bigint;
}

/** Binance's minimum order value by quote coin (binance-api.md §4). */
const MIN_NOTIONAL: Partial<Record<Coin, string>> = { USDT: "5", BTC: "0.0001", ETH: "0.001", BNB: "0.01" };

const pair = (base: Coin, quote: Coin, step: string, tick: string): Pair => ({
  symbol: `${base}${quote}`,
  base,
  quote,
  step: parseDecimal(step),
  tick: parseDecimal(tick),
  minNotional: parseDecimal(MIN_NOTIONAL[quote] ?? "0"),
});

// The original's 14 pairs, with Binance's spot lot steps and price ticks.
export const PAIRS: readonly Pair[] = [
  pair("BTC", "USDT", "0.00001", "0.01"),
  pair("ETH", "USDT", "0.0001", "0.01"),
  pair("LTC", "USDT", "0.001", "0.01"),
  pair("XRP", "USDT", "0.1", "0.0001"),
  pair("BNB", "USDT", "0.001", "0.01"),
  pair("ETH", "BTC", "0.0001", "0.00001"),
  pair("LTC", "BTC", "0.001", "0.000001"),
  pair("XRP", "BTC", "1", "0.00000001"),
  pair("BNB", "BTC", "0.001", "0.000001"),
  pair("XRP", "BNB", "0.1", "0.000001"),
  pair("LTC", "BNB", "0.001", "0.00001"),
  pair("BNB", "ETH", "0.001", "0.0001"),
  pair("XRP", "ETH", "1", "0.0000001"),
  pair("LTC", "ETH", "0.001", "0.00001"),
];

const bySymbol = new Map(PAIRS.map((p) => [p.symbol, p]));

export function findPair(symbol: string): Pair | undefined {
  return bySymbol.get(symbol.toUpperCase());
}

export function findPairByCoins(base: string, quote: string): Pair | undefined {
  return findPair(`${base}${quote}`);
}

export function isCoin(value: string): value is Coin {
  return (COINS as readonly string[]).includes(value.toUpperCase());
}

export const QUOTE_COIN: Coin = "USDT";

/** Every new or reset account holds this much USDT and nothing else. */
export const STARTING_BALANCE: bigint = parseDecimal(env.STARTING_BALANCE_USDT);

/** Fee as a fraction in 1e-8 units (0.001 = 100000n): FEE_RATE, the default of both rates below. */
export const FEE_RATE: bigint = parseDecimal(env.FEE_RATE);
/** A resting limit filled at its own price pays the maker rate; everything else the taker rate. */
export const FEE_RATE_MAKER: bigint = parseDecimal(env.FEE_RATE_MAKER ?? env.FEE_RATE);
export const FEE_RATE_TAKER: bigint = parseDecimal(env.FEE_RATE_TAKER ?? env.FEE_RATE);

/** Reference prices the simulated market starts from when nothing better is known (USDT). */
export const REFERENCE_USDT_PRICES: Record<Exclude<Coin, "USDT">, string> = {
  BTC: "90000",
  ETH: "3000",
  LTC: "85",
  XRP: "2.1",
  BNB: "880",
};
