// Replay throughput: one year of 1-minute candles for 5 pairs (2.6 million candles, written here as
// data.binance.vision monthly files, three pairs plain 12-column CSV, two gzipped header CSVs) replayed
// at maximum speed (no sleeping) through the price store, the candle aggregation and the worker's armed
// orders, with 10,000 open orders armed (stops, limits, trailing stops; each one fired is replaced, so
// 10,000 stay armed). Budget: under 60 s. Prints candles per second (`npx tsx tests/bench/replay.ts`).
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import { ArmedOrders } from "@/lib/market/armed-orders";
import { PriceStore } from "@/lib/market/price-store";
import { ReplayMarket } from "@/lib/market/replay/replay-market";
import type { OpenOrder } from "@/lib/trading/open-order";

const PAIRS: [string, number][] = [["BTCUSDT", 40000], ["ETHUSDT", 2500], ["LTCUSDT", 80], ["XRPUSDT", 0.5], ["BNBUSDT", 300]];
const MINUTES = Number(process.argv[2] ?? 365 * 24 * 60);
const ORDERS = Number(process.argv[3] ?? 10_000);
const START = Date.parse("2023-01-01T00:00:00Z");
const U = 100_000_000;
/** trailing deltas in basis points as people pick them (the trailing index keeps one ladder per side and delta) */
const DELTAS = [50, 100, 200, 300, 500, 1000];

let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};

async function writePair(dir: string, symbol: string, base: number, gz: boolean): Promise<number> {
  let price = base;
  let month = -1;
  let out: NodeJS.WritableStream | null = null;
  let sink: ReturnType<typeof createWriteStream> | null = null;
  const close = async () => {
    if (!out || !sink) return;
    out.end();
    await once(sink, "close");
  };
  const digits = base < 10 ? 5 : 2;
  for (let i = 0; i < MINUTES; i++) {
    const t = START + i * 60_000;
    const m = new Date(t).getUTCMonth();
    if (m !== month) {
      await close();
      month = m;
      const name = `${symbol}-1m-2023-${String(m + 1).padStart(2, "0")}.csv${gz ? ".gz" : ""}`;
      sink = createWriteStream(path.join(dir, name));
      out = gz ? createGzip({ level: 1 }) : sink;
      if (gz) (out as ReturnType<typeof createGzip>).pipe(sink);
      if (gz) out.write("open_time_ms,open,high,low,close,volume\n");
    }
    const open = price;
    price *= Math.exp((random() - 0.5) * 0.002);
    const hi = Math.max(open, price) * (1 + random() * 0.0005);
    const lo = Math.min(open, price) * (1 - random() * 0.0005);
    const f = (v: number) => v.toFixed(digits);
    const row = gz
      ? `${t},${f(open)},${f(hi)},${f(lo)},${f(price)},${(random() * 10).toFixed(4)}\n`
      : `${t},${f(open)},${f(hi)},${f(lo)},${f(price)},${(random() * 10).toFixed(4)},${t + 59_999},1000.5,42,5.1,500.2,0\n`;
    if (!out!.write(row)) await once(out!, "drain");
  }
  await close();
  return price;
}

let nextId = 0;
function order(symbol: string, near: number): OpenOrder {
  const id = `o${nextId++}`;
  const r = random();
  const side = random() < 0.5 ? "BUY" : "SELL";
  const away = BigInt(Math.round(near * (0.01 + random() * 0.2) * U));
  const p = BigInt(Math.round(near * U));
  const base = { id, portfolioId: `u${nextId % 500}`, symbol, side, amount: 1_000_000n, lockCoin: side === "BUY" ? "USDT" : symbol.slice(0, -4), lockAmount: 0n, version: 0 } as const;
  if (r < 0.4) return { ...base, type: "L", stopPrice: null, limitPrice: side === "BUY" ? p - away : p + away };
  if (r < 0.8) return { ...base, type: "SL", stopPrice: side === "BUY" ? p + away : p - away };
  return { ...base, type: "SL", stopPrice: null, trailingDelta: DELTAS[Math.floor(random() * DELTAS.length)], activationPrice: side === "BUY" ? p - away : p + away };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "replay-bench-"));
try {
  let t = performance.now();
  for (const [i, [symbol, base]] of PAIRS.entries()) await writePair(dir, symbol, base, i >= 3);
  console.log(`data: ${PAIRS.length} pairs x ${MINUTES.toLocaleString("en")} one-minute candles written in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const armed = new ArmedOrders();
  const lastPrice = new Map<string, number>(PAIRS);
  for (let i = 0; i < ORDERS; i++) {
    const [symbol, base] = PAIRS[i % PAIRS.length]!;
    armed.arm(order(symbol, base));
  }
  let fired = 0;
  const store = new PriceStore(5000);
  const market = new ReplayMarket({
    store,
    dir,
    maxSpeed: true,
    loop: false,
    onTrade: (trade) => {
      const hit = armed.take(trade.symbol, trade.price);
      armed.drainActivated();
      if (!hit.length) return;
      const near = Number(trade.price) / U;
      lastPrice.set(trade.symbol, near);
      for (const o of hit) {
        armed.settle(o, true);
        fired++;
        armed.arm(order(trade.symbol, near));
      }
    },
  });
  t = performance.now();
  const cpu0 = process.cpuUsage();
  await market.start();
  const trades = await market.run();
  const s = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  await market.stop();
  const candles = PAIRS.length * MINUTES;
  console.log(`replayed ${candles.toLocaleString("en")} candles (${trades.toLocaleString("en")} trades) with ${armed.size.toLocaleString("en")} orders armed in ${s.toFixed(1)} s`);
  console.log(`  ${Math.round(candles / s).toLocaleString("en")} candles/s, ${Math.round(trades / s).toLocaleString("en")} trades/s; ${fired.toLocaleString("en")} orders fired (each replaced)`);
  console.log(`  CPU time of this process ${cpuS.toFixed(1)} s (${Math.round(candles / cpuS).toLocaleString("en")} candles per CPU second; wall time includes other load on the machine)`);
  console.log(`  budget 60 s: ${s < 60 ? "within" : "OVER"} (${(s / 60).toFixed(2)} of it)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
