// The kline files of a replay folder: which pairs have data, at which interval, in which files; and the
// candles of one pair read as a stream (a year of 1-minute candles is 525,600 rows per pair, never held
// whole). File names follow data.binance.vision: SYMBOL-INTERVAL[-anything].csv, or .csv.gz.
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { findPair } from "@/lib/markets";
import { KlineLineReader, MAX_LINE, type ReplayCandle } from "./kline-csv";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Binance's fixed-length kline intervals (1M has no fixed length and is not replayed). */
export const REPLAY_INTERVAL_MS: Record<string, number> = {
  "1s": SECOND,
  "1m": MINUTE,
  "3m": 3 * MINUTE,
  "5m": 5 * MINUTE,
  "15m": 15 * MINUTE,
  "30m": 30 * MINUTE,
  "1h": HOUR,
  "2h": 2 * HOUR,
  "4h": 4 * HOUR,
  "6h": 6 * HOUR,
  "8h": 8 * HOUR,
  "12h": 12 * HOUR,
  "1d": DAY,
  "3d": 3 * DAY,
  "1w": 7 * DAY,
};

export interface PairData {
  symbol: string;
  /** the finest interval present, which drives the pair */
  interval: string;
  intervalMs: number;
  /** its files, oldest first (names sort by period: BTCUSDT-1m-2024-01 < BTCUSDT-1m-2024-02) */
  files: string[];
}

/** SYMBOL-INTERVAL... .csv / .csv.gz -> its pair and interval, or null for any other file. */
export function parseKlineFileName(name: string): { symbol: string; interval: string } | null {
  const lower = name.toLowerCase();
  if (!lower.endsWith(".csv") && !lower.endsWith(".csv.gz")) return null;
  const [symbol = "", interval = ""] = name.split("-");
  const pair = findPair(symbol.toUpperCase());
  if (!pair) return null;
  const iv = interval.replace(/\.csv(\.gz)?$/i, "");
  return REPLAY_INTERVAL_MS[iv] ? { symbol: pair.symbol, interval: iv } : null;
}

// The pairs with data in `dir`, each at its finest interval. A missing folder has no pairs.
export async function scanReplayDir(dir: string): Promise<PairData[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const best = new Map<string, PairData>();
  for (const name of [...names].sort()) {
    const parsed = parseKlineFileName(name);
    if (!parsed) continue;
    const ms = REPLAY_INTERVAL_MS[parsed.interval] ?? Infinity;
    const cur = best.get(parsed.symbol);
    if (!cur || ms < cur.intervalMs) best.set(parsed.symbol, { ...parsed, intervalMs: ms, files: [path.join(dir, name)] });
    else if (ms === cur.intervalMs) cur.files.push(path.join(dir, name));
  }
  return [...best.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
}

export interface ReadStats {
  candles: number;
  skipped: number;
  /** the first skip's reason and place, for the log */
  firstSkip?: string;
}

// Streams one pair's candles in batches, strictly ascending by open time (a repeated or earlier row is
// skipped, so overlapping files do no harm). Lines are cut by hand: a line longer than MAX_LINE is dropped
// without being accumulated.
export async function* readPairCandles(files: readonly string[], stats: ReadStats = { candles: 0, skipped: 0 }): AsyncGenerator<ReplayCandle[]> {
  let last = -Infinity;
  for (const file of files) {
    const reader = new KlineLineReader();
    const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
    const stream = file.toLowerCase().endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
    let rest = "";
    let dropping = false;
    let lineNo = 0;
    const take = (line: string, out: ReplayCandle[]) => {
      lineNo++;
      const r = reader.read(line);
      if (r.kind === "header") return;
      if (r.kind === "candle" && r.candle.openTime > last) {
        last = r.candle.openTime;
        stats.candles++;
        out.push(r.candle);
        return;
      }
      if (r.kind === "skip" && r.reason === "empty line") return;
      stats.skipped++;
      stats.firstSkip ??= `${path.basename(file)} line ${lineNo}: ${r.kind === "skip" ? r.reason : "not after the previous candle"}`;
    };
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const text = chunk.toString("latin1");
        const out: ReplayCandle[] = [];
        let from = 0;
        for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", from)) {
          if (dropping) dropping = false;
          else take(rest + text.slice(from, nl), out);
          rest = "";
          from = nl + 1;
        }
        if (!dropping) {
          rest += text.slice(from);
          if (rest.length > MAX_LINE) {
            dropping = true;
            rest = "";
            lineNo++;
            stats.skipped++;
            stats.firstSkip ??= `${path.basename(file)} line ${lineNo}: line too long`;
          }
        }
        if (out.length) yield out;
      }
    } catch (e) {
      stats.skipped++;
      stats.firstSkip ??= `${path.basename(file)}: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (!dropping && rest) {
      const out: ReplayCandle[] = [];
      take(rest, out);
      if (out.length) yield out;
    }
  }
}
