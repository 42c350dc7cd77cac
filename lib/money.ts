// Fixed-point money: every amount and price is a bigint of 1e-8 units. No float ever touches a balance.

export const DECIMALS = 8;
export const SCALE = 10n ** BigInt(DECIMALS);
/** Upper bound of any amount or price accepted from a client (api.md: at most 1,000,000,000). */
export const MAX_INPUT = 1_000_000_000n * SCALE;
/**
 * Longest decimal text accepted from a client, checked before any parsing: every amount the API takes
 * (at most 1e9 with 8 decimals, or an exponent form) fits; "0.<65,000 zeros>1" does not reach a regex.
 */
export const MAX_NUMERIC_TEXT = 40;

const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const EXPONENT = /^(\d+)(?:\.(\d*))?e([+-]?\d+)$/i;

/** Shortest exact decimal text of a JS number or a decimal string, without exponent. */
function toPlainDecimal(text: string): string | undefined {
  const t = text.trim();
  if (PLAIN.test(t)) return t;
  const m = EXPONENT.exec(t);
  if (!m) return undefined;
  const [, int = "", frac = "", expText = "0"] = m;
  const exp = Number(expText);
  if (!Number.isInteger(exp) || Math.abs(exp) > 40) return undefined;
  const digits = int + frac;
  const point = int.length + exp;
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

// Plain loops, not /0+$/: a regex anchored at the end retries from every zero (quadratic on a long run).
function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

function withoutLeadingZeros(digits: string): string {
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === 48) start++;
  return digits.slice(start);
}

/** Parses trusted decimal text (configuration, constants) into units; throws on anything else. */
export function parseDecimal(text: string): bigint {
  const r = parseUnits(text);
  if (!r.ok) throw new Error(`not a decimal amount: ${text} (${r.reason})`);
  return r.value;
}

export type ParseResult = { ok: true; value: bigint } | { ok: false; reason: string };

/**
 * Parses a client-supplied amount or price: a JSON number or a decimal string, at most 8 decimals
 * (judged on the number's shortest decimal form, so 1.1400000000000001 is refused, not rounded).
 * Sign and bounds are checked by `parsePositiveInput`.
 */
export function parseUnits(value: unknown): ParseResult {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { ok: false, reason: "must be a finite number" };
    if (value < 0) return { ok: false, reason: "must be greater than 0" };
    text = String(value);
  } else if (typeof value === "string") {
    if (value.length > MAX_NUMERIC_TEXT) return { ok: false, reason: `must be at most ${MAX_NUMERIC_TEXT} characters` };
    if (value.trim().startsWith("-")) return { ok: false, reason: "must be greater than 0" };
    text = value;
  } else {
    return { ok: false, reason: "must be a number or a decimal string" };
  }
  const plain = toPlainDecimal(text);
  if (plain === undefined) return { ok: false, reason: "must be a decimal number such as 0.5" };
  const [, int = "0", rawFrac = ""] = PLAIN.exec(plain) ?? [];
  const frac = withoutTrailingZeros(rawFrac);
  if (frac.length > DECIMALS) return { ok: false, reason: `must have at most ${DECIMALS} decimals` };
  if (withoutLeadingZeros(int).length > 12) return { ok: false, reason: "is too large" };
  return { ok: true, value: BigInt(int) * SCALE + BigInt(frac.padEnd(DECIMALS, "0") || "0") };
}

/** A client amount or price: finite, > 0, <= 1e9, at most 8 decimals. */
export function parsePositiveInput(value: unknown): ParseResult {
  const r = parseUnits(value);
  if (!r.ok) return r;
  if (r.value <= 0n) return { ok: false, reason: "must be greater than 0" };
  if (r.value > MAX_INPUT) return { ok: false, reason: "must be at most 1000000000" };
  return r;
}

/** Units as decimal text without trailing zeros: 150000000n -> "1.5". */
export function formatUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const int = abs / SCALE;
  const frac = withoutTrailingZeros((abs % SCALE).toString().padStart(DECIMALS, "0"));
  return `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

/** Units as a JSON number, exact to 8 decimals (its shortest decimal form is the same text). */
export function unitsToNumber(units: bigint): number {
  return Number(formatUnits(units));
}

export type Rounding = "up" | "down";

function divRound(n: bigint, d: bigint, rounding: Rounding): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  if (rounding === "up") return n > 0n ? q + 1n : q;
  return n > 0n ? q : q - 1n;
}

/** a x b for two unit values (amount x price, quote x rate), rounded to 1e-8 as asked. */
export function mulUnits(a: bigint, b: bigint, rounding: Rounding): bigint {
  return divRound(a * b, SCALE, rounding);
}

/** a / b for two unit values, rounded to 1e-8 as asked. */
export function divUnits(a: bigint, b: bigint, rounding: Rounding): bigint {
  if (b === 0n) throw new RangeError("division by zero");
  return divRound(a * SCALE, b, rounding);
}

/** Exact conversion of trusted market-data floats (a feed's price text is preferred when there is one). */
export function unitsFromFloat(value: number): bigint {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`not a price: ${value}`);
  return BigInt(Math.round(value * Number(SCALE)));
}
