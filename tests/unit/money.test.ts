import { describe, expect, it } from "vitest";
import { formatUnits, MAX_NUMERIC_TEXT, mulUnits, parsePositiveInput, parseUnits, unitsToNumber } from "@/lib/money";

const ok = (v: unknown) => {
  const r = parsePositiveInput(v);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe("parsing client amounts", () => {
  it("reads numbers and decimal strings exactly", () => {
    expect(ok(0.1)).toBe(10_000_000n);
    expect(ok("0.1")).toBe(10_000_000n);
    expect(ok(1e-8)).toBe(1n);
    expect(ok("1000000000")).toBe(100_000_000_000_000_000n);
    expect(ok(2.5e3)).toBe(250_000_000_000n);
  });
  it.each([0, -1, "-0.5", NaN, Infinity, -Infinity, "abc", "", " ", null, true, {}, [], "1e400", 1e-9, "0.000000001",
    1.1400000000000001, 1000000000.1, 1e10, "0x10", "1,5", "1.2.3"])("refuses %s", (v) => {
    expect(parsePositiveInput(v).ok).toBe(false);
  });
  it("keeps 0.1 + 0.2 exact", () => {
    expect(formatUnits(ok(0.1) + ok(0.2))).toBe("0.3");
  });
  it("accepts zero only where the caller allows it", () => {
    expect(parseUnits(0)).toEqual({ ok: true, value: 0n });
  });
  it(`refuses decimal text over ${MAX_NUMERIC_TEXT} characters before parsing it, and stays linear on 64 KB`, () => {
    const hostile = [`0.${"0".repeat(65_000)}1`, `1${"0".repeat(65_000)}`, `${"0".repeat(65_000)}1`, `1.${"0".repeat(65_000)}e5`, ` ${"1".repeat(65_000)}x`];
    const t0 = performance.now();
    for (const v of hostile) expect(parsePositiveInput(v)).toEqual({ ok: false, reason: `must be at most ${MAX_NUMERIC_TEXT} characters` });
    expect(performance.now() - t0).toBeLessThan(50);
    expect(parsePositiveInput(`0.${"0".repeat(MAX_NUMERIC_TEXT - 3)}1`)).toMatchObject({ ok: false, reason: "must have at most 8 decimals" });
    expect(ok(`0.00000001${"0".repeat(MAX_NUMERIC_TEXT - 10)}`)).toBe(1n);
    expect(ok(`${"0".repeat(MAX_NUMERIC_TEXT - 1)}7`)).toBe(700_000_000n);
  });
});

describe("arithmetic", () => {
  it("rounds costs up and proceeds down", () => {
    expect(mulUnits(1n, 1n, "up")).toBe(1n);
    expect(mulUnits(1n, 1n, "down")).toBe(0n);
    expect(mulUnits(ok("0.333"), ok("3"), "down")).toBe(ok("0.999"));
  });
  it("formats as the shortest exact decimal", () => {
    expect(formatUnits(123_450_000n)).toBe("1.2345");
    expect(unitsToNumber(5_000_000_000_000n)).toBe(50000);
    expect(formatUnits(-1n)).toBe("-0.00000001");
  });
});
