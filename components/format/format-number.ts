// Display formatting of prices, amounts and money (display only: the server holds the exact values).

const cache = new Map<string, Intl.NumberFormat>();
function fmt(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat("en-US", { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/** A price with decimals by magnitude: 90,123.45 / 3.1234 / 0.00001234. */
export function formatPrice(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const abs = Math.abs(value);
  if (abs >= 1000) return fmt(2, 2).format(value);
  if (abs >= 1) return fmt(2, 4).format(value);
  return fmt(2, 8).format(value);
}

/** A coin amount: up to 8 decimals, no trailing zeros. */
export function formatAmount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return fmt(0, 8).format(value);
}

/** USDT money: two decimals. */
export function formatUsdt(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${fmt(2, 2).format(value)} USDT`;
}

/** A signed percentage: +1.23 %. */
export function formatPct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${value > 0 ? "+" : ""}${fmt(2, 2).format(value)} %`;
}

/** Volumes compactly: 1.2K, 3.4M. */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 }).format(value);
}
