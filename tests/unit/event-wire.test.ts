import { describe, expect, it } from "vitest";
import { decodeEnvelope, encodeEvent, MAX_WIRE_BYTES } from "@/lib/market/event-wire";

describe("event wire", () => {
  it("an order announced for arming travels as its id and pair only", () => {
    const text = encodeEvent("s1", "order-armed", { id: "o1", portfolioId: "u1", symbol: "BTCUSDT", side: "BUY", type: "SL", amount: 1n, stopPrice: 2n, lockCoin: "USDT", lockAmount: 3n, version: 0 });
    expect(text).not.toBeNull();
    expect(decodeEnvelope(text ?? "")).toEqual({ o: "s1", n: "order-armed", e: { id: "o1", symbol: "BTCUSDT" } });
  });

  it("fills and order changes travel as ids; local-only events do not travel", () => {
    const fill = decodeEnvelope(encodeEvent("s1", "fill", { portfolioId: "u", orderId: "o", outcome: "FILLED" }) ?? "");
    expect(fill?.e).toEqual({ portfolioId: "u", orderId: "o", outcome: "FILLED" });
    expect(encodeEvent("s1", "events-resync", {})).toBeNull();
  });

  it("never produces a payload NOTIFY would refuse, and refuses what is not an envelope", () => {
    const huge = { portfolioId: "u".repeat(MAX_WIRE_BYTES), orderId: "o" };
    expect(encodeEvent("s1", "order-changed", huge)).toBeNull();
    for (const bad of ["", "null", "[]", '{"o":1}', '{"o":"x","n":"fill"}', "{".repeat(100_000)]) expect(decodeEnvelope(bad)).toBeNull();
  });
});
