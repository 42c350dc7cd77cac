// The Binance dialect's fixed-window limits (lib/binance/rate-limits.ts) on a given clock: windows reset
// at their boundaries, a request while limited bans, bans double from 2 minutes.
import { describe, expect, it } from "vitest";
import { BinanceError } from "@/lib/binance/errors";
import { RateLimiter } from "@/lib/binance/rate-limits";

const MIN = 60_000;
const t0 = 1_700_000_040_000 - (1_700_000_040_000 % MIN); // a minute boundary

function refusal(f: () => unknown): BinanceError {
  try {
    f();
  } catch (e) {
    if (e instanceof BinanceError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("RateLimiter", () => {
  it("counts weight per IP in minute windows (6000 by default) and starts afresh at the next minute", () => {
    const l = new RateLimiter();
    expect(l.takeWeight("a", 5990, t0)).toBe(5990);
    expect(l.takeWeight("b", 20, t0)).toBe(20);
    expect(l.takeWeight("a", 10, t0 + 1)).toBe(6000);
    const over = refusal(() => l.takeWeight("a", 1, t0 + 30_000));
    expect([over.status, over.code, over.headers?.["Retry-After"]]).toEqual([429, -1003, "30"]);
    expect(l.takeWeight("a", 1, t0 + MIN)).toBe(1);
  });

  it("a request during the 429's wait is banned 2 minutes, the next ban 4, then 8", () => {
    const l = new RateLimiter();
    l.takeWeight("a", 6000, t0);
    refusal(() => l.takeWeight("a", 1, t0 + 1000));
    const ban = refusal(() => l.takeWeight("a", 1, t0 + 2000));
    expect([ban.status, ban.headers?.["Retry-After"]]).toEqual([418, "120"]);
    expect(refusal(() => l.takeWeight("a", 1, t0 + 62_000)).headers?.["Retry-After"]).toBe("60");
    const after = t0 + 2000 + 120_000;
    l.takeWeight("a", 6000, after);
    refusal(() => l.takeWeight("a", 1, after + 1));
    expect(refusal(() => l.takeWeight("a", 1, after + 2)).headers?.["Retry-After"]).toBe("240");
  });

  it("counts new orders per account in 10 s and day windows; a refused order is not counted", () => {
    const l = new RateLimiter();
    for (let i = 1; i <= 100; i++) expect(l.takeOrders("u", 1, t0).s10).toBe(i);
    const over = refusal(() => l.takeOrders("u", 1, t0 + 9_000));
    expect([over.status, over.code, over.headers?.["Retry-After"]]).toEqual([429, -1015, "1"]);
    expect(l.takeOrders("u", 2, t0 + 10_000)).toEqual({ s10: 2, day: 102 });
    expect(l.takeOrders("v", 1, t0).s10).toBe(1);
  });
});
