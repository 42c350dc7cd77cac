// Trigger index figures: a tick that fires nothing among 100,000 open orders, a tick that fires 1,000,
// the bulk load of 100,000, and the heap they take. Prints, does not assert (`npx tsx tests/bench/trigger-index.ts`).
import { TriggerIndex } from "@/lib/market/trigger-index";
import type { OpenOrder as OpenStopOrder } from "@/lib/trading/open-order";
import type { Side, StopType } from "@/lib/trading/stop-order";

const N = 100_000;
const U = 100_000_000n;
const PRICE = 90_000n * U;

// Stops spread 10 % either side of the price, each on the side where it is not yet fired.
function makeOrders(n: number): OpenStopOrder[] {
  const out: OpenStopOrder[] = [];
  for (let i = 0; i < n; i++) {
    const side: Side = i % 2 ? "BUY" : "SELL";
    const above = i % 4 < 2;
    // BUY above = SL (up), BUY below = TP (down), SELL above = TP (up), SELL below = SL (down)
    const type: StopType = side === "BUY" ? (above ? "SL" : "TP") : above ? "TP" : "SL";
    const offset = BigInt(1 + Math.floor(Math.random() * 9000)) * U;
    out.push({ id: `o${i}`, portfolioId: `u${i % 5000}`, symbol: "BTCUSDT", side, type, amount: 1_000_000n, stopPrice: above ? PRICE + offset : PRICE - offset, lockCoin: side === "BUY" ? "USDT" : "BTC", lockAmount: 0n, version: 0 });
  }
  return out;
}

const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024;
const gc = (globalThis as { gc?: () => void }).gc;

gc?.();
const orders = makeOrders(N);
gc?.();
const heapBefore = heapMb();

const idx = new TriggerIndex();
let t = performance.now();
idx.load(orders);
const loadMs = performance.now() - t;
gc?.();
const heapIndex = heapMb() - heapBefore;

// ticks around the price that cross nothing
const ROUNDS = 100_000;
t = performance.now();
let fired = 0;
for (let i = 0; i < ROUNDS; i++) fired += idx.take(PRICE + BigInt(i % 100) * 1_000_000n - 50_000_000n).length;
const quietUs = ((performance.now() - t) * 1000) / ROUNDS;
if (fired) throw new Error("a quiet tick fired orders");

// a tick firing exactly 1,000: the 1,000 lowest "up" stops
const upStops = orders.filter((o) => (o.side === "BUY") === (o.type === "SL")).map((o) => o.stopPrice ?? 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const cut = upStops[999]!;
const tied = upStops.filter((s) => s <= cut).length;
t = performance.now();
const burst = idx.take(cut);
const burstMs = performance.now() - t;

// re-arming them one by one (as modifications would)
t = performance.now();
for (const o of burst) idx.upsert(o);
const upsertUs = ((performance.now() - t) * 1000) / burst.length;

// removing 1,000 by id (cancellations)
t = performance.now();
for (let i = 0; i < 1000; i++) idx.remove(`o${i * 97}`);
const removeUs = ((performance.now() - t) * 1000) / 1000;

console.log(`trigger index, ${N.toLocaleString("en")} open orders on one pair (Node ${process.version})`);
console.log(`  bulk load (sort once):            ${loadMs.toFixed(1)} ms`);
console.log(`  tick firing nothing:              ${quietUs.toFixed(2)} µs`);
console.log(`  tick firing ${burst.length} (index part):     ${burstMs.toFixed(3)} ms${tied !== 1000 ? ` (ties: ${tied})` : ""}`);
console.log(`  upsert one order:                 ${upsertUs.toFixed(2)} µs`);
console.log(`  remove one order by id:           ${removeUs.toFixed(2)} µs`);
console.log(`  heap used: ${heapMb().toFixed(1)} MB total, index structures ≈ ${heapIndex.toFixed(1)} MB${gc ? "" : " (run with --expose-gc for a steadier figure)"}`);
