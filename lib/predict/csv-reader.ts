// Reads Binance kline CSVs into candles: either our header format (open_time_ms,open,high,low,close,volume,
// columns in any order, extra columns ignored) or Binance's 12-column kline rows without a header (the
// files of data.binance.vision and the shape of /api/v3/klines). Bad input fails with the line number.
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import type { Candle } from "@/lib/predict/candle";

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

const FIELDS = ["openTime", "open", "high", "low", "close", "volume"] as const;
type Field = (typeof FIELDS)[number];

// Header names we accept for each field (lower case); Binance's own 12-column dumps sometimes carry a header too.
const HEADER_NAMES: Record<Field, readonly string[]> = {
  openTime: ["open_time_ms", "open_time", "opentime", "timestamp", "time"],
  open: ["open"],
  high: ["high"],
  low: ["low"],
  close: ["close"],
  volume: ["volume"],
};

// Binance's spot dumps switched to microseconds in 2025; anything above this is not a millisecond time.
const MAX_MS = 1e14;

function splitLine(line: string): string[] {
  return line.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}

function columnsFromHeader(cells: string[], where: string): Record<Field, number> {
  const lower = cells.map((c) => c.toLowerCase());
  const out = {} as Record<Field, number>;
  const missing: string[] = [];
  for (const f of FIELDS) {
    const i = lower.findIndex((c) => HEADER_NAMES[f].includes(c));
    if (i < 0) missing.push(HEADER_NAMES[f][0] ?? f);
    out[f] = i;
  }
  if (missing.length) {
    throw new CsvError(
      `${where}: header "${cells.join(",")}" lacks ${missing.join(", ")}; expected open_time_ms,open,high,low,close,volume or Binance's 12-column kline rows without a header`,
    );
  }
  return out;
}

const POSITIONAL: Record<Field, number> = { openTime: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 };

/**
 * Parses CSV text into candles sorted by open time. `source` names the input in error messages.
 * Throws CsvError on an empty file, a wrong column count, a non-numeric or non-positive price,
 * high below low, or open times that are not strictly increasing.
 */
export function parseKlineCsv(text: string, source = "CSV"): Candle[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let columns: Record<Field, number> | undefined;
  let width = 0;
  const candles: Candle[] = [];
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n] ?? "";
    if (raw.trim() === "") continue;
    const where = `${source} line ${n + 1}`;
    const cells = splitLine(raw);
    if (!columns) {
      // The first non-empty line decides the format: a header if its first cell is not a number.
      if (Number.isNaN(Number(cells[0]))) {
        columns = columnsFromHeader(cells, where);
        width = cells.length;
        continue;
      }
      if (cells.length !== 12 && cells.length !== 6) {
        throw new CsvError(
          `${where}: ${cells.length} columns without a header; expected Binance's 12-column kline rows (or 6: open_time_ms,open,high,low,close,volume)`,
        );
      }
      columns = POSITIONAL;
      width = cells.length;
    }
    if (cells.length !== width) throw new CsvError(`${where}: ${cells.length} columns, expected ${width}`);
    const value = (f: Field): number => {
      const cell = cells[columns![f]] ?? "";
      const v = cell === "" ? Number.NaN : Number(cell);
      if (!Number.isFinite(v)) throw new CsvError(`${where}: ${f} "${cell}" is not a number`);
      return v;
    };
    let openTime = value("openTime");
    if (openTime > MAX_MS) openTime = Math.floor(openTime / 1000);
    const c: Candle = { openTime, open: value("open"), high: value("high"), low: value("low"), close: value("close"), volume: value("volume") };
    if (!Number.isInteger(c.openTime) || c.openTime <= 0) throw new CsvError(`${where}: open time "${cells[columns.openTime]}" is not a positive integer of milliseconds`);
    if (c.open <= 0 || c.high <= 0 || c.low <= 0 || c.close <= 0) throw new CsvError(`${where}: prices must be greater than 0`);
    if (c.volume < 0) throw new CsvError(`${where}: volume must not be negative`);
    if (c.high < c.low) throw new CsvError(`${where}: high ${c.high} is below low ${c.low}`);
    const prev = candles[candles.length - 1];
    if (prev && c.openTime <= prev.openTime) {
      throw new CsvError(`${where}: open time ${c.openTime} is not after the previous row's ${prev.openTime} (rows must be in time order, without duplicates)`);
    }
    candles.push(c);
  }
  if (candles.length === 0) throw new CsvError(`${source}: no candles found (empty file or header only)`);
  return candles;
}

/** Reads a kline CSV file (plain or gzip, detected by its magic bytes) into candles. */
export async function readKlineCsv(file: string): Promise<Candle[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new CsvError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  let text: string;
  try {
    text = (gzip ? gunzipSync(bytes) : bytes).toString("utf8");
  } catch {
    throw new CsvError(`${file}: looks gzip-compressed but cannot be decompressed`);
  }
  if (text.includes("\u0000")) throw new CsvError(`${file}: binary data, not a CSV text file`);
  return parseKlineCsv(text, file);
}
