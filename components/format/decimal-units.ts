// Exact sums of the API's 8-decimal JSON numbers for display (cost + fee, proceeds - fee): each number
// goes through its shortest decimal text into integer 1e-8 units, so no float error reaches a total.

const SCALE = 100_000_000n;

/** A JSON number with at most 8 decimals as 1e-8 units (123.45 -> 12345000000n). */
export function toUnits(n: number): bigint {
  if (!Number.isFinite(n)) return 0n;
  // String(n) is the shortest round-tripping form; expand an exponent ("1e-7") into plain digits.
  const text = Math.abs(n) < 1e-6 && n !== 0 ? n.toFixed(8) : String(n);
  const neg = text.startsWith("-");
  const [int = "0", frac = ""] = (neg ? text.slice(1) : text).split(".");
  const units = BigInt(int) * SCALE + BigInt(frac.slice(0, 8).padEnd(8, "0"));
  return neg ? -units : units;
}

/** 1e-8 units back to a number (for the display formatters). */
export function fromUnits(u: bigint): number {
  const neg = u < 0n;
  const a = neg ? -u : u;
  const text = `${a / SCALE}.${(a % SCALE).toString().padStart(8, "0")}`;
  return neg ? -Number(text) : Number(text);
}
