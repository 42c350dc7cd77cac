// One line of a kline CSV at a time. Two layouts are read:
//   data.binance.vision's files: 12 columns, no header, open time in milliseconds (or, since 2025,
//   microseconds): open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_base,taker_quote,ignore
//   files with a header row: open_time_ms,open,high,low,close,volume, or Binance's column names
//   (open_time / "open time", open, high, low, close, volume, ...) in any order.
// Parsing is a split on commas and a fixed-size number check per field: linear in the line, no regex.
import { MAX_INPUT } from "@/lib/money";
import { parsePrice } from "../binance-messages";

/** A candle as the replay keeps it: exact prices in 1e-8 units, volume as market data (float). */
export interface ReplayCandle {
  openTime: number;
  open: bigint;
  high: bigint;
  low: bigint;
  close: bigint;
  volume: number;
}

/** Longest line read; a longer one is skipped as not a kline (Binance's are about 150 characters). */
export const MAX_LINE = 1000;

// Open times past this are microseconds (ms reach 1e14 only in the year 5138).
const MICROSECONDS_FROM = 1e14;

interface Columns {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const HEADERLESS: Columns = { time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 };

const TIME_NAMES = new Set(["open_time_ms", "open_time", "open time", "opentime", "timestamp", "time"]);

function normalise(name: string): string {
  return name.trim().replaceAll('"', "").toLowerCase();
}

/** The columns named in a header row, or null when a needed one is missing. */
function columnsOf(fields: string[]): Columns | null {
  const names = fields.map(normalise);
  const find = (n: string) => names.indexOf(n);
  const time = names.findIndex((n) => TIME_NAMES.has(n));
  const cols = { time, open: find("open"), high: find("high"), low: find("low"), close: find("close"), volume: find("volume") };
  return Object.values(cols).every((i) => i >= 0) ? cols : null;
}

function isDigits(text: string): boolean {
  if (text.length === 0 || text.length > 20) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export type LineResult = { kind: "candle"; candle: ReplayCandle } | { kind: "header" } | { kind: "skip"; reason: string };

// Reads the lines of one file. The first line decides the layout: a header row names the columns,
// a numeric first field means Binance's header-less 12 columns.
export class KlineLineReader {
  private columns: Columns | null = null;
  private lines = 0;

  read(raw: string): LineResult {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const first = this.lines++ === 0;
    if (line.length === 0) return { kind: "skip", reason: "empty line" };
    if (line.length > MAX_LINE) return { kind: "skip", reason: "line too long" };
    const fields = line.split(",");
    if (first && !isDigits((fields[0] ?? "").trim())) {
      this.columns = columnsOf(fields);
      return this.columns ? { kind: "header" } : { kind: "skip", reason: "header without open time, open, high, low, close and volume" };
    }
    if (first) this.columns = HEADERLESS;
    const cols = this.columns;
    if (!cols) return { kind: "skip", reason: "no usable header" };
    const timeText = (fields[cols.time] ?? "").trim();
    if (!isDigits(timeText)) return { kind: "skip", reason: "open time is not an integer" };
    let openTime = Number(timeText);
    if (openTime >= MICROSECONDS_FROM) openTime = Math.floor(openTime / 1000);
    const price = (i: number) => {
      const p = parsePrice((fields[i] ?? "").trim());
      return p !== undefined && p > 0n && p <= MAX_INPUT ? p : undefined;
    };
    const open = price(cols.open);
    const high = price(cols.high);
    const low = price(cols.low);
    const close = price(cols.close);
    const volume = Number((fields[cols.volume] ?? "").trim());
    if (open === undefined || high === undefined || low === undefined || close === undefined) return { kind: "skip", reason: "a price is not a positive decimal" };
    if (!Number.isFinite(volume) || volume < 0) return { kind: "skip", reason: "volume is not a number" };
    if (high < open || high < close || low > open || low > close) return { kind: "skip", reason: "high/low do not contain open and close" };
    return { kind: "candle", candle: { openTime, open, high, low, close, volume } };
  }
}
