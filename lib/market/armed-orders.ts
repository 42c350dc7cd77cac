// The open stop orders the worker watches: one trigger index per pair, loaded from the Order table at
// start, kept in step with the database by a periodic sync (orders placed by another process, e.g. the
// Vercel app) and by in-process events (immediate arm/disarm from the trading use cases here).
import { prisma } from "@/lib/db";
import { findPair } from "@/lib/markets";
import type { OpenStopOrder } from "@/lib/trading/stop-order";
import { TriggerIndex } from "./trigger-index";

const SELECT = {
  id: true,
  userId: true,
  symbol: true,
  side: true,
  type: true,
  status: true,
  amount: true,
  stopPrice: true,
  lockAmount: true,
  version: true,
  archived: true,
} as const;

type Row = {
  id: string;
  userId: string;
  symbol: string;
  side: string;
  type: string;
  status: string;
  amount: bigint;
  stopPrice: bigint | null;
  lockAmount: bigint;
  version: number;
  archived: boolean;
};

const STATUSES = ["OPEN", "FILLED", "CANCELLED", "REJECTED"];
/** re-read window: covers same-millisecond commits and modest clock differences between processes */
const OVERLAP_MS = 5_000;
/** how long a taken order's version is remembered, to ignore late reads of its OPEN row */
const SETTLED_TTL_MS = 60_000;

function toOpenOrder(r: Row): OpenStopOrder | undefined {
  if (r.status !== "OPEN" || r.archived || r.stopPrice === null) return undefined;
  if ((r.type !== "SL" && r.type !== "TP") || (r.side !== "BUY" && r.side !== "SELL")) return undefined;
  const pair = findPair(r.symbol);
  if (!pair) return undefined;
  return {
    id: r.id,
    userId: r.userId,
    symbol: pair.symbol,
    side: r.side,
    type: r.type,
    amount: r.amount,
    stopPrice: r.stopPrice,
    lockAmount: r.lockAmount,
    version: r.version,
  };
}

export class ArmedOrders {
  private indexes = new Map<string, TriggerIndex>();
  private symbolOf = new Map<string, string>();
  private inFlight = new Set<string>();
  private settled = new Map<string, { version: number; at: number }>();
  private recheck = new Set<string>();
  private cursor = 0;

  // Every open stop order, oldest first (so equal stops fire in placement order).
  async loadAll(now = Date.now()): Promise<number> {
    const rows = await prisma.order.findMany({
      where: { status: "OPEN", type: { in: ["SL", "TP"] }, archived: false },
      select: SELECT,
      orderBy: { createdAt: "asc" },
    });
    const bySymbol = new Map<string, OpenStopOrder[]>();
    for (const r of rows) {
      const o = toOpenOrder(r);
      if (!o) continue;
      const list = bySymbol.get(o.symbol) ?? [];
      list.push(o);
      bySymbol.set(o.symbol, list);
    }
    this.indexes.clear();
    this.symbolOf.clear();
    for (const [symbol, orders] of bySymbol) {
      this.index(symbol).load(orders);
      for (const o of orders) this.symbolOf.set(o.id, symbol);
    }
    this.cursor = now;
    return this.size;
  }

  // Applies every stop order changed since the last sync (and any order whose fill failed): open ones
  // are armed or updated, closed ones disarmed.
  async sync(now = Date.now()): Promise<void> {
    const since = BigInt(this.cursor - OVERLAP_MS);
    const rows = await prisma.order.findMany({
      where: { status: { in: STATUSES }, updatedAt: { gt: since }, type: { in: ["SL", "TP"] } },
      select: SELECT,
      orderBy: { updatedAt: "asc" },
    });
    const recheck = [...this.recheck];
    this.recheck.clear();
    if (recheck.length) rows.push(...(await prisma.order.findMany({ where: { id: { in: recheck } }, select: SELECT })));
    this.cursor = now;
    for (const r of rows) {
      const o = toOpenOrder(r);
      if (o) this.arm(o);
      else this.disarm(r.id);
    }
    for (const [id, s] of this.settled) if (now - s.at > SETTLED_TTL_MS) this.settled.delete(id);
  }

  // Arms or updates an open order, unless it is being filled right now or was already taken at this version.
  arm(order: OpenStopOrder): boolean {
    if (this.inFlight.has(order.id)) return false;
    const settled = this.settled.get(order.id);
    if (settled && order.version <= settled.version) return false;
    const prevSymbol = this.symbolOf.get(order.id);
    if (prevSymbol && prevSymbol !== order.symbol) this.indexes.get(prevSymbol)?.remove(order.id);
    const ok = this.index(order.symbol).upsert(order);
    if (ok) this.symbolOf.set(order.id, order.symbol);
    return ok;
  }

  disarm(id: string): void {
    const symbol = this.symbolOf.get(id);
    if (!symbol) return;
    this.indexes.get(symbol)?.remove(id);
    this.symbolOf.delete(id);
  }

  // Removes and returns the orders a trade at `price` fires; they stay "in flight" until settle().
  take(symbol: string, price: bigint): OpenStopOrder[] {
    const idx = this.indexes.get(symbol);
    if (!idx || idx.size === 0) return [];
    const fired = idx.take(price);
    for (const o of fired) {
      this.symbolOf.delete(o.id);
      this.inFlight.add(o.id);
    }
    return fired;
  }

  // A fill attempt ended. Done (filled, rejected, gone): remember the version so a late read of the OPEN
  // row does not re-arm it. Failed or skipped: re-read it from the database on the next sync.
  settle(order: OpenStopOrder, done: boolean, now = Date.now()): void {
    this.inFlight.delete(order.id);
    if (done) this.settled.set(order.id, { version: order.version, at: now });
    else this.recheck.add(order.id);
  }

  get size(): number {
    let n = 0;
    for (const idx of this.indexes.values()) n += idx.size;
    return n;
  }

  has(id: string): boolean {
    return this.symbolOf.has(id);
  }

  private index(symbol: string): TriggerIndex {
    let idx = this.indexes.get(symbol);
    if (!idx) this.indexes.set(symbol, (idx = new TriggerIndex()));
    return idx;
  }
}
