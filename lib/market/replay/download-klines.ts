// npm run data:download: klines of a period from Binance's REST API (BINANCE_REST_URL) into monthly
// files SYMBOL-INTERVAL-YYYY-MM.csv with the header open_time_ms,open,high,low,close,volume, the files
// the replay reads. Resumable: a month is written to .part and renamed when complete, and a .part left
// by an interrupted run is continued after its last complete row. Polite: 1,000 candles per request
// (weight 2), a pause when x-mbx-used-weight-1m nears Binance's 6,000, and Retry-After honoured on 429/418.
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, rename, writeFile, truncate } from "node:fs/promises";
import path from "node:path";
import { REPLAY_INTERVAL_MS } from "./replay-files";

export const KLINE_CSV_HEADER = "open_time_ms,open,high,low,close,volume";
/** Binance's request weight per minute, and the share this downloader stays under */
const WEIGHT_LIMIT = 6000;
const WEIGHT_PAUSE_AT = 4800;
const PAGE = 1000;

export interface DownloadOptions {
  restUrl: string;
  pairs: string[];
  interval: string;
  /** epoch ms, inclusive */
  from: number;
  /** epoch ms, exclusive */
  to: number;
  dir: string;
  /** candles written so far (or found already downloaded) of the whole job */
  onProgress?: (done: number, total: number) => void;
  onLog?: (line: string) => void;
  /** waits `ms` (tests pass a short one) */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}

export interface DownloadResult {
  files: string[];
  candles: number;
  requests: number;
}

interface Month {
  file: string;
  from: number;
  to: number;
}

function months(symbol: string, interval: string, from: number, to: number, dir: string): Month[] {
  const out: Month[] = [];
  const d = new Date(from);
  let start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  while (start < to) {
    const m = new Date(start);
    const next = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
    const name = `${symbol}-${interval}-${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, "0")}.csv`;
    out.push({ file: path.join(dir, name), from: Math.max(from, start), to: Math.min(to, next) });
    start = next;
  }
  return out;
}

// The open time after the last complete row of a .part file (cutting off a half-written last line).
async function resumePoint(part: string): Promise<{ next: number; rows: number } | null> {
  if (!existsSync(part)) return null;
  const text = await readFile(part, "latin1");
  const end = text.lastIndexOf("\n") + 1;
  if (end < text.length) await truncate(part, end);
  const lines = text.slice(0, end).split("\n").filter((l) => l && !l.startsWith("open_time"));
  const last = lines[lines.length - 1];
  const t = last ? Number(last.slice(0, last.indexOf(","))) : NaN;
  return Number.isFinite(t) ? { next: t, rows: lines.length } : { next: -Infinity, rows: 0 };
}

export async function downloadKlines(o: DownloadOptions): Promise<DownloadResult> {
  const len = REPLAY_INTERVAL_MS[o.interval];
  if (!len) throw new Error(`unknown interval ${o.interval} (one of ${Object.keys(REPLAY_INTERVAL_MS).join(", ")})`);
  if (!(o.to > o.from)) throw new Error("--to must be after --from");
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const base = o.restUrl.replace(/\/+$/, "");
  await mkdir(o.dir, { recursive: true });
  const total = o.pairs.length * Math.ceil((o.to - o.from) / len);
  let done = 0;
  let requests = 0;
  const files: string[] = [];
  const progress = () => o.onProgress?.(Math.min(done, total), total);

  const fetchPage = async (symbol: string, startTime: number, endTime: number): Promise<unknown[]> => {
    for (let attempt = 0; ; attempt++) {
      const q = new URLSearchParams({ symbol, interval: o.interval, startTime: String(startTime), endTime: String(endTime), limit: String(PAGE) });
      const res = await fetch(`${base}/api/v3/klines?${q}`, { signal: AbortSignal.timeout(o.timeoutMs ?? 30_000) });
      requests++;
      if (res.status === 429 || res.status === 418) {
        const wait = Math.max(1, Number(res.headers.get("retry-after")) || 60);
        o.onLog?.(`Binance says slow down (HTTP ${res.status}): waiting ${wait} s`);
        await res.body?.cancel();
        if (attempt >= 10) throw new Error(`Binance kept answering ${res.status}`);
        await sleep(wait * 1000);
        continue;
      }
      if (!res.ok) throw new Error(`HTTP ${res.status} from /api/v3/klines for ${symbol}: ${(await res.text()).slice(0, 200)}`);
      const used = Number(res.headers.get("x-mbx-used-weight-1m"));
      if (used >= WEIGHT_PAUSE_AT) {
        const wait = 60_000 - (Date.now() % 60_000) + 1000;
        o.onLog?.(`request weight ${used} of ${WEIGHT_LIMIT} this minute: waiting ${Math.round(wait / 1000)} s`);
        await sleep(wait);
      }
      const body: unknown = await res.json();
      if (!Array.isArray(body)) throw new Error(`klines for ${symbol}: unexpected answer`);
      return body as unknown[];
    }
  };

  for (const symbol of o.pairs) {
    for (const m of months(symbol, o.interval, o.from, o.to, o.dir)) {
      const expected = Math.ceil((m.to - m.from) / len);
      files.push(m.file);
      if (existsSync(m.file)) {
        done += expected;
        progress();
        continue;
      }
      const part = `${m.file}.part`;
      const resumed = await resumePoint(part);
      let next = m.from;
      if (resumed) {
        next = Math.max(m.from, resumed.next + len);
        done += resumed.rows;
        o.onLog?.(`resuming ${path.basename(m.file)} after ${resumed.rows} candles`);
      } else await writeFile(part, `${KLINE_CSV_HEADER}\n`);
      while (next < m.to) {
        const rows = await fetchPage(symbol, next, m.to - 1);
        const lines: string[] = [];
        let last = -Infinity;
        for (const r of rows) {
          if (!Array.isArray(r) || r.length < 6) continue;
          const t = Number(r[0]);
          if (!Number.isFinite(t) || t < next || t >= m.to || t <= last) continue;
          last = t;
          lines.push([t, ...r.slice(1, 6).map(String)].join(","));
        }
        if (lines.length === 0) break; // nothing more in this period (a pair listed later, or Binance's gap)
        await appendFile(part, `${lines.join("\n")}\n`);
        done += lines.length;
        progress();
        next = last + len;
      }
      await rename(part, m.file);
    }
  }
  done = total;
  progress();
  return { files, candles: done, requests };
}
