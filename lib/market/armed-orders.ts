// The open orders the worker watches (everything but market orders): per pair one trigger index (resting
// limits, stops, trailing stops waiting for activation) and one trailing index (active trailing stops), loaded from the Order table at
// start, kept in step with the database by a periodic sync (orders placed by another process, e.g. the
// Vercel app) and by in-process events (immediate arm/disarm from the trading use cases here).
import { prisma } from "@/lib/db";
import { findPair } from "@/lib/markets";
import { armOf, type OpenOrder as OpenStopOrder } from "@/lib/trading/open-order";
import type { TimeInForce, TypeCode } from "@/lib/trading/order-types";
import { marketNow, marketSpan } from "./market-clock";
import { TrailingIndex, type MovedClass } from "./trailing-index";
import { TriggerIndex } from "./trigger-index";

const SELECT = {
  id: true,
  portfolioId: true,
  symbol: true,
  side: true,
  type: true,
  status: true,
  amount: true,
  stopPrice: true,
  lockAmount: true,
  lockCoin: true,
  limitPrice: true,
  timeInForce: true,
  trailingDelta: true,
  activationPrice: true,
  watermark: true,
  triggeredAt: true,
  ocoId: true,
  feeRate: true,
  expiresAt: true,
  version: true,
  archived: true,
} as const;

type Row = {
  id: string;
  portfolioId: string;
  symbol: string;
  side: string;
  type: string;
  status: string;
  amount: bigint;
  stopPrice: bigint | null;
  lockAmount: bigint;
  lockCoin: string;
  limitPrice: bigint | null;
  timeInForce: string | null;
  trailingDelta: number | null;
  activationPrice: bigint | null;
  watermark: bigint | null;
  triggeredAt: bigint | null;
  ocoId: string | null;
  feeRate: bigint | null;
  expiresAt: bigint | null;
  version: number;
  archived: boolean;
};

const STATUSES = ["OPEN", "FILLED", "CANCELLED", "REJECTED", "EXPIRED"];
const ARMABLE: TypeCode[] = ["L", "LM", "SL", "TP", "SLL", "TPL"];
// Orders are stamped on the market clock (lib/market/market-clock.ts), so are the sync's cursor and the
// windows below: in a replay, 5 real seconds are 5 x speed market seconds.
/** re-read window: covers same-millisecond commits and modest clock differences between processes */
const OVERLAP_MS = 5_000;
/** how long a taken order's version is remembered, to ignore late reads of its OPEN row */
const SETTLED_TTL_MS = 60_000;

function toOpenOrder(r: Row): OpenStopOrder | undefined {
  if (r.status !== "OPEN" || r.archived) return undefined;
  if (!ARMABLE.includes(r.type as TypeCode) || (r.side !== "BUY" && r.side !== "SELL")) return undefined;
  const pair = findPair(r.symbol);
  if (!pair) return undefined;
  const o: OpenStopOrder = {
    id: r.id,
    portfolioId: r.portfolioId,
    symbol: pair.symbol,
    side: r.side,
    type: r.type as TypeCode,
    amount: r.amount,
    stopPrice: r.stopPrice,
    lockAmount: r.lockAmount,
    lockCoin: r.lockCoin,
    limitPrice: r.limitPrice,
    timeInForce: r.timeInForce as TimeInForce | null,
    trailingDelta: r.trailingDelta,
    activationPrice: r.activationPrice,
    watermark: r.watermark,
    triggeredAt: r.triggeredAt === null ? null : Number(r.triggeredAt),
    ocoId: r.ocoId,
    feeRate: r.feeRate,
    expiresAt: r.expiresAt === null ? null : Number(r.expiresAt),
    version: r.version,
  };
  return armOf(o).kind === "none" ? undefined : o;
}

/** One order as the worker arms it, read from its row; undefined when it no longer waits for the market. */
export async function readOpenOrder(id: string): Promise<OpenStopOrder | undefined> {
  const row = await prisma.order.findUnique({ where: { id }, select: SELECT });
  return row ? toOpenOrder(row) : undefined;
}

interface Book {
  trigger: TriggerIndex;
  trailing: TrailingIndex;
}

export class ArmedOrders {
  private books = new Map<string, Book>();
  private symbolOf = new Map<string, string>();
  private inFlight = new Set<string>();
  private settled = new Map<string, { version: number; at: number }>();
  private recheck = new Set<string>();
  private activated: OpenStopOrder[] = [];
  private cursor = 0;
  /** per running reloadOpen: the ids armed or disarmed since its read began (newer than its rows) */
  private reloading = new Set<Set<string>>();

  // Every open order, oldest first (so equal triggers fire in placement order).
  async loadAll(now = marketNow()): Promise<number> {
    const rows = await prisma.order.findMany({
      where: { status: "OPEN", type: { in: ARMABLE }, archived: false },
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
    this.books.clear();
    this.symbolOf.clear();
    for (const [symbol, orders] of bySymbol) {
      const book = this.book(symbol);
      const waiting: OpenStopOrder[] = [];
      const trailing: { o: OpenStopOrder; wm: bigint }[] = [];
      for (const o of orders) {
        const arm = armOf(o);
        if (arm.kind === "trailing") trailing.push({ o, wm: arm.watermark });
        else waiting.push(o);
        this.symbolOf.set(o.id, symbol);
      }
      book.trigger.load(waiting);
      // most extreme watermark first: every add lands at the tail of its class deque
      trailing.sort((a, b) => (a.o.side === "SELL" ? cmp(b.wm, a.wm) : cmp(a.wm, b.wm)));
      for (const t of trailing) book.trailing.upsert(t.o, t.wm);
    }
    this.cursor = now;
    return this.size;
  }

  // Applies every order changed since the last sync (and any order whose fill failed): open ones
  // are armed or updated, closed ones disarmed.
  async sync(now = marketNow()): Promise<void> {
    const since = BigInt(this.cursor - marketSpan(OVERLAP_MS));
    const rows = await prisma.order.findMany({
      where: { status: { in: STATUSES }, updatedAt: { gt: since }, type: { in: ARMABLE } },
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
    for (const [id, s] of this.settled) if (now - s.at > marketSpan(SETTLED_TTL_MS) || s.at > now) this.settled.delete(id);
  }

  // Reads every open order again (after events may have been missed): arms or updates each, and disarms
  // what is armed here but no longer open. Orders being filled or already taken keep their guard. An order
  // armed or disarmed by an event while the read runs is left as the event put it: the event is newer than
  // the read (an order committed after the read's snapshot is armed by its event and not in the rows).
  async reloadOpen(): Promise<number> {
    const touched = new Set<string>();
    this.reloading.add(touched);
    let rows: Row[];
    try {
      rows = await prisma.order.findMany({ where: { status: "OPEN", type: { in: ARMABLE }, archived: false }, select: SELECT, orderBy: { createdAt: "asc" } });
    } finally {
      this.reloading.delete(touched);
    }
    const open = new Set<string>();
    for (const r of rows) {
      const o = toOpenOrder(r);
      if (!o) continue;
      open.add(o.id);
      if (!touched.has(o.id)) this.arm(o);
    }
    for (const id of [...this.symbolOf.keys()]) if (!open.has(id) && !touched.has(id)) this.disarm(id);
    return open.size;
  }

  // Arms or updates an open order, unless it is being filled right now or was already taken at this version.
  arm(order: OpenStopOrder): boolean {
    for (const t of this.reloading) t.add(order.id);
    if (this.inFlight.has(order.id)) return false;
    const settled = this.settled.get(order.id);
    if (settled && order.version <= settled.version) return false;
    const arm = armOf(order);
    if (arm.kind === "none") return false;
    const prevSymbol = this.symbolOf.get(order.id);
    const prevBook = prevSymbol ? this.books.get(prevSymbol) : undefined;
    // An order activated here (in memory) is newer than its database row of the same version.
    const held = prevBook?.trailing.get(order.id);
    if (held && held.version >= order.version) return false;
    if (prevBook && (prevSymbol !== order.symbol || arm.kind === "trailing")) prevBook.trigger.remove(order.id);
    if (prevBook && (prevSymbol !== order.symbol || arm.kind !== "trailing")) prevBook.trailing.remove(order.id);
    const book = this.book(order.symbol);
    const ok = arm.kind === "trailing" ? book.trailing.upsert(order, arm.watermark) : book.trigger.upsert(order);
    if (ok) this.symbolOf.set(order.id, order.symbol);
    return ok;
  }

  disarm(id: string): void {
    for (const t of this.reloading) t.add(id);
    const symbol = this.symbolOf.get(id);
    if (!symbol) return;
    const book = this.books.get(symbol);
    book?.trigger.remove(id);
    book?.trailing.remove(id);
    this.symbolOf.delete(id);
  }

  // Removes and returns the orders a trade at `price` fires; they stay "in flight" until settle().
  // Trailing stops whose activation price the trade reaches become active here, with this trade as
  // their first watermark (drainActivated() hands them to the worker to record).
  take(symbol: string, price: bigint): OpenStopOrder[] {
    const book = this.books.get(symbol);
    if (!book || (book.trigger.size === 0 && book.trailing.size === 0)) return [];
    const crossed = book.trigger.size ? book.trigger.take(price) : [];
    const fired = book.trailing.size ? book.trailing.take(price) : [];
    for (const o of crossed) {
      if (armOf(o).kind === "activation") {
        const active = { ...o, watermark: price };
        book.trailing.upsert(active, price);
        this.activated.push(active);
      } else fired.push(o);
    }
    for (const o of fired) {
      this.symbolOf.delete(o.id);
      this.inFlight.add(o.id);
    }
    return fired;
  }

  /** Trailing stops activated in memory since the last call (to be written to their rows). */
  drainActivated(): OpenStopOrder[] {
    const out = this.activated;
    this.activated = [];
    return out;
  }

  /** Trailing classes whose watermark moved since the last call, per pair (to be written to their rows). */
  drainMoved(): (MovedClass & { symbol: string })[] {
    const out: (MovedClass & { symbol: string })[] = [];
    for (const [symbol, book] of this.books) for (const m of book.trailing.drainMoved()) out.push({ ...m, symbol });
    return out;
  }

  /** The live watermark of an active trailing order held here. */
  watermark(id: string): bigint | undefined {
    const symbol = this.symbolOf.get(id);
    return symbol ? this.books.get(symbol)?.trailing.watermark(id) : undefined;
  }

  // A fill attempt ended. Done (filled, rejected, gone): remember the version so a late read of the OPEN
  // row does not re-arm it. Failed or skipped: re-read it from the database on the next sync.
  settle(order: OpenStopOrder, done: boolean, now = marketNow()): void {
    this.inFlight.delete(order.id);
    if (done) this.settled.set(order.id, { version: order.version, at: now });
    else this.recheck.add(order.id);
  }

  get size(): number {
    let n = 0;
    for (const b of this.books.values()) n += b.trigger.size + b.trailing.size;
    return n;
  }

  has(id: string): boolean {
    return this.symbolOf.has(id);
  }

  private book(symbol: string): Book {
    let b = this.books.get(symbol);
    if (!b) this.books.set(symbol, (b = { trigger: new TriggerIndex(), trailing: new TrailingIndex() }));
    return b;
  }
}

const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
