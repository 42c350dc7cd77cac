// Which of the platform's coins a headline or summary mentions. Tickers must be upper case (so "eth" in a
// word never counts); names are case-insensitive and whole words, with the look-alikes excluded
// (Bitcoin Cash and Bitcoin SV are not BTC, Ethereum Classic is not ETH).
import { COINS, type Coin } from "@/lib/markets";

const PATTERNS: Record<Coin, RegExp[]> = {
  BTC: [/(?<![\w$])\$?BTC\b/, /\bbitcoin(?!\s+(?:cash|sv)\b)(?:s|'s)?\b/i],
  ETH: [/(?<![\w$])\$?ETH\b/, /\bethereum(?!\s+classic\b)(?:'s)?\b/i, /\bether\b/i],
  LTC: [/(?<![\w$])\$?LTC\b/, /\blitecoin\b/i],
  XRP: [/(?<![\w$])\$?XRP\b/, /\bripple\b/i],
  BNB: [/(?<![\w$])\$?BNB\b/, /\bbinance coin\b/i, /\bBNB Chain\b/i],
  USDT: [/(?<![\w$])\$?USDT\b/, /\btether\b/i],
};

/** The coins mentioned in the text, in the platform's coin order. */
export function tagCoins(text: string): Coin[] {
  return COINS.filter((coin) => PATTERNS[coin].some((p) => p.test(text)));
}
