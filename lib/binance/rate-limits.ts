// The Binance dialect's limits (binance-api.md §8), in fixed windows as Binance counts them: request
// weight per IP and minute (X-MBX-USED-WEIGHT-1M), new orders per account per 10 s and per UTC day
// (X-MBX-ORDER-COUNT-10S/-1D). Over a limit: 429 with Retry-After until the window ends; a request
// during that wait earns an IP ban, 418 with Retry-After, 2 minutes doubling with each ban (at most 3 days).
// Kept in this process's memory: a limit is a courtesy to bots, not a ledger guard, and the counters
// must cost nothing on the order path (each web process counts its own).
import { env } from "@/lib/env";
import { BinanceError } from "./errors";

const MINUTE = 60_000;
const TEN_S = 10_000;
const DAY = 86_400_000;
const FIRST_BAN_MS = 2 * MINUTE;
const MAX_BAN_MS = 3 * DAY;
const MAX_TRACKED = 100_000;

export const RATE_LIMITS = () => [
  { rateLimitType: "REQUEST_WEIGHT", interval: "MINUTE", intervalNum: 1, limit: env.BINANCE_REQUEST_WEIGHT_1M },
  { rateLimitType: "ORDERS", interval: "SECOND", intervalNum: 10, limit: env.BINANCE_ORDERS_10S },
  { rateLimitType: "ORDERS", interval: "DAY", intervalNum: 1, limit: env.BINANCE_ORDERS_1D },
];

interface Window {
  start: number;
  used: number;
}

interface IpState {
  weight: Window;
  /** a 429 was answered: requests before this time earn a ban */
  limitedUntil: number;
  bannedUntil: number;
  bans: number;
}

const windowOf = (w: Window, len: number, now: number): Window => {
  const start = now - (now % len);
  return w.start === start ? w : { start, used: 0 };
};

const retryAfterS = (until: number, now: number) => String(Math.max(1, Math.ceil((until - now) / 1000)));

/** Maps that forget their oldest entries past a bound, so a flood of addresses cannot grow memory. */
function bounded<V>(map: Map<string, V>): Map<string, V> {
  if (map.size > MAX_TRACKED) for (const k of [...map.keys()].slice(0, MAX_TRACKED / 10)) map.delete(k);
  return map;
}

export class RateLimiter {
  private readonly ips = new Map<string, IpState>();
  private readonly accounts = new Map<string, { s10: Window; day: Window }>();

  /** Counts `weight` for `ip`; returns the minute's weight, or throws the 429/418 answer. */
  takeWeight(ip: string, weight: number, now = Date.now()): number {
    const s = this.ips.get(ip) ?? { weight: { start: 0, used: 0 }, limitedUntil: 0, bannedUntil: 0, bans: 0 };
    bounded(this.ips).set(ip, s);
    s.weight = windowOf(s.weight, MINUTE, now);
    if (now < s.bannedUntil) throw this.banned(s, now);
    if (now < s.limitedUntil) {
      s.bans++;
      s.bannedUntil = now + Math.min(MAX_BAN_MS, FIRST_BAN_MS * 2 ** (s.bans - 1));
      throw this.banned(s, now);
    }
    s.weight.used += weight;
    if (s.weight.used > env.BINANCE_REQUEST_WEIGHT_1M) {
      s.limitedUntil = s.weight.start + MINUTE;
      throw new BinanceError(
        -1003,
        `Too much request weight used; current limit is ${env.BINANCE_REQUEST_WEIGHT_1M} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.`,
        429,
        { "Retry-After": retryAfterS(s.limitedUntil, now), "X-MBX-USED-WEIGHT-1M": String(s.weight.used) },
      );
    }
    return s.weight.used;
  }

  /** The weight `ip` used this minute (for answers that failed before counting). */
  usedWeight(ip: string, now = Date.now()): number {
    const s = this.ips.get(ip);
    return s ? windowOf(s.weight, MINUTE, now).used : 0;
  }

  /** Counts `n` new orders for the account; returns the counts, or throws -1015 (429). */
  takeOrders(userId: string, n: number, now = Date.now()): { s10: number; day: number } {
    const a = this.accounts.get(userId) ?? { s10: { start: 0, used: 0 }, day: { start: 0, used: 0 } };
    bounded(this.accounts).set(userId, a);
    a.s10 = windowOf(a.s10, TEN_S, now);
    a.day = windowOf(a.day, DAY, now);
    const over =
      a.s10.used + n > env.BINANCE_ORDERS_10S
        ? { limit: env.BINANCE_ORDERS_10S, per: "10 SECOND", until: a.s10.start + TEN_S }
        : a.day.used + n > env.BINANCE_ORDERS_1D
          ? { limit: env.BINANCE_ORDERS_1D, per: "1 DAY", until: a.day.start + DAY }
          : null;
    if (over) {
      throw new BinanceError(-1015, `Too many new orders; current limit is ${over.limit} orders per ${over.per}.`, 429, {
        "Retry-After": retryAfterS(over.until, now),
        "X-MBX-ORDER-COUNT-10S": String(a.s10.used),
        "X-MBX-ORDER-COUNT-1D": String(a.day.used),
      });
    }
    a.s10.used += n;
    a.day.used += n;
    return { s10: a.s10.used, day: a.day.used };
  }

  private banned(s: IpState, now: number): BinanceError {
    return new BinanceError(
      -1003,
      `Way too much request weight used; IP banned until ${s.bannedUntil}. Please use WebSocket Streams for live updates to avoid bans.`,
      418,
      { "Retry-After": retryAfterS(s.bannedUntil, now), "X-MBX-USED-WEIGHT-1M": String(s.weight.used) },
    );
  }
}

const g = globalThis as { __compraventaBinanceLimits?: RateLimiter };
export const rateLimiter: RateLimiter = (g.__compraventaBinanceLimits ??= new RateLimiter());
