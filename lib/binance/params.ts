// A Binance request's parameters (binance-api.md §3): the query string and, for POST/PUT/DELETE, a
// form-urlencoded body; a name in both takes the query's value. A name twice in one of them is -1101.
// Names no endpoint reads are ignored, as Binance does; a parameter the endpoint knows but the order type
// does not take is -1106 (the endpoint asks `refuse`). Typed readers answer Binance's codes: -1102 missing
// or empty, -1100 illegal characters, -1111 more than 8 decimals, -1121 unknown symbol. Every check is a
// bounded scan: no regex backtracks on client text.
import { findPair, type Pair } from "@/lib/markets";
import { BinanceError, illegalCharacters, missingParameter, MSG, notRequired } from "./errors";

const MAX_PARAMS = 64;
const MAX_VALUE = 1024;
const DECIMAL = /^\d{1,20}(?:\.\d{1,20})?$/;
const INTEGER = /^\d{1,20}$/;

/** Each pair of a raw `a=1&b=2` string, decoded; throws -1101 on a name given twice. */
function pairsOf(raw: string, into: Map<string, string>): void {
  const seen = new Set<string>();
  for (const [name, value] of new URLSearchParams(raw)) {
    if (seen.has(name)) throw new BinanceError(-1101, MSG.duplicateParameter);
    seen.add(name);
    if (into.has(name)) continue; // the query (read first) wins over the body
    if (value.length > MAX_VALUE) throw illegalCharacters(name);
    into.set(name, value);
  }
}

/** The signed payload: raw query + raw body, each without its `signature` pair, bytes as received. */
export function signedPayload(rawQuery: string, rawBody: string): string {
  const strip = (raw: string) =>
    raw
      .split("&")
      .filter((p) => p !== "" && p.split("=", 1)[0] !== "signature")
      .join("&");
  return strip(rawQuery) + strip(rawBody);
}

export class BinanceParams {
  private constructor(private readonly values: Map<string, string>) {}

  static parse(rawQuery: string, rawBody: string): BinanceParams {
    const values = new Map<string, string>();
    pairsOf(rawQuery, values);
    pairsOf(rawBody, values);
    if (values.size > MAX_PARAMS) throw new BinanceError(-1101, "Too many parameters sent for this endpoint.");
    return new BinanceParams(values);
  }

  /** The value as sent; an empty value counts as not sent. */
  get(name: string): string | undefined {
    const v = this.values.get(name);
    return v === "" ? undefined : v;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  required(name: string): string {
    const v = this.get(name);
    if (v === undefined) throw missingParameter(name);
    return v;
  }

  /** -1106 when any of `names` was sent (a parameter this request does not take). */
  refuse(...names: string[]): void {
    for (const n of names) if (this.has(n)) throw notRequired(n);
  }

  /** A decimal amount or price in 1e-8 units. */
  decimal(name: string): bigint | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (!DECIMAL.test(v)) throw illegalCharacters(name);
    const [int = "0", frac = ""] = v.split(".");
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
    if (end > 8) throw new BinanceError(-1111, MSG.badPrecision);
    return BigInt(int) * 100_000_000n + BigInt(frac.slice(0, end).padEnd(8, "0"));
  }

  requiredDecimal(name: string): bigint {
    this.required(name);
    return this.decimal(name) as bigint;
  }

  /** A non-negative integer (ids, times, limits), at most Number.MAX_SAFE_INTEGER. */
  int(name: string): number | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (!INTEGER.test(v) || Number(v) > Number.MAX_SAFE_INTEGER) throw illegalCharacters(name);
    return Number(v);
  }

  /** One of `values`, else the endpoint's error (e.g. -1116 "Invalid orderType."), built only when thrown
   *  (an Error's stack trace costs tens of µs on the order path). */
  oneOf<T extends string>(name: string, values: readonly T[], bad: () => BinanceError): T | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) throw bad();
    return v as T;
  }

  requiredOneOf<T extends string>(name: string, values: readonly T[], bad: () => BinanceError): T {
    this.required(name);
    return this.oneOf(name, values, bad) as T;
  }

  /** `true` | `false` (Binance's booleans), default false. */
  bool(name: string): boolean {
    const v = this.get(name);
    if (v === undefined) return false;
    if (v !== "true" && v !== "false") throw illegalCharacters(name);
    return v === "true";
  }

  /** The pair named by `symbol` (exact upper case as Binance), -1121 when unknown. */
  symbol(name = "symbol"): Pair {
    return this.pairOf(this.required(name));
  }

  optionalSymbol(name = "symbol"): Pair | undefined {
    const v = this.get(name);
    return v === undefined ? undefined : this.pairOf(v);
  }

  /** `symbols=["BTCUSDT","ETHUSDT"]` (JSON array text, Binance's form); -1121 for an unknown one. */
  symbols(name = "symbols"): Pair[] | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    let list: unknown;
    try {
      list = JSON.parse(v);
    } catch {
      throw illegalCharacters(name);
    }
    if (!Array.isArray(list) || list.length === 0 || list.length > 100 || !list.every((s) => typeof s === "string")) throw illegalCharacters(name);
    return list.map((s) => this.pairOf(s));
  }

  private pairOf(text: string): Pair {
    const pair = text === text.toUpperCase() ? findPair(text) : undefined;
    if (!pair) throw new BinanceError(-1121, MSG.badSymbol);
    return pair;
  }
}
