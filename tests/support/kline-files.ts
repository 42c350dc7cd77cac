// Writes small kline CSV files in the layouts people have, for the replay's tests and benchmark.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface CsvCandle {
  openTime: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume?: string;
}

export interface CsvOptions {
  /** data.binance.vision's 12 columns without header (default), or a header row of these names */
  header?: "open_time_ms" | "binance-names";
  /** open times in microseconds (data.binance.vision since 2025) */
  micro?: boolean;
  gzip?: boolean;
  /** file name without extension (default SYMBOL-INTERVAL) */
  name?: string;
}

const MINUTE = 60_000;

// Writes `candles` of `symbol` at `interval` into `dir`; returns the file's path.
export function writeKlineCsv(dir: string, symbol: string, interval: string, candles: readonly CsvCandle[], o: CsvOptions = {}): string {
  const lines: string[] = [];
  if (o.header === "open_time_ms") lines.push("open_time_ms,open,high,low,close,volume");
  if (o.header === "binance-names") lines.push("open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore");
  for (const c of candles) {
    const t = o.micro ? c.openTime * 1000 : c.openTime;
    const vol = c.volume ?? "1.5";
    if (o.header === "open_time_ms") lines.push([t, c.open, c.high, c.low, c.close, vol].join(","));
    else lines.push([t, c.open, c.high, c.low, c.close, vol, t + (o.micro ? MINUTE * 1000 : MINUTE) - 1, "100", "10", "0.7", "50", "0"].join(","));
  }
  const text = `${lines.join("\n")}\n`;
  const file = path.join(dir, `${o.name ?? `${symbol}-${interval}`}.csv${o.gzip ? ".gz" : ""}`);
  writeFileSync(file, o.gzip ? gzipSync(text) : text);
  return file;
}

// `count` one-minute candles from `start`, a gentle zig-zag around `base` with distinct open/high/low/close.
export function minuteCandles(start: number, count: number, base: number, step = 1): CsvCandle[] {
  const out: CsvCandle[] = [];
  for (let i = 0; i < count; i++) {
    const open = base + (i % 10) * step;
    const close = open + (i % 2 === 0 ? step / 2 : -step / 2);
    out.push({ openTime: start + i * MINUTE, open: fix(open), high: fix(Math.max(open, close) + step), low: fix(Math.min(open, close) - step * 2), close: fix(close) });
  }
  return out;
}

function fix(v: number): string {
  return v.toFixed(2);
}
