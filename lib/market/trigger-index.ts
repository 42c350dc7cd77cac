// The open orders of one pair that wait for a trade to cross a price (resting limits, stops, trailing stops
// waiting for their activation price: lib/trading/open-order.ts armOf), kept sorted by trigger so that a trade costs O(log n + fired) instead
// of a scan. Two arrays, each sorted so that the orders that fire first sit at the END: a tick pops a
// suffix (no shifting of the rest), found by binary search.
//   up   (fires when price >= stop): stop descending  -> the lowest stops at the end
//   down (fires when price <= stop): stop ascending   -> the highest stops at the end
// Ties on the stop are broken by arming order, oldest at the end (it fires first).
// Removal marks the entry dead (O(1) after the id lookup) instead of shifting half an array; dead entries
// are dropped when a tick reaches them or by an occasional compaction.
import { armOf, type OpenOrder as OpenStopOrder } from "@/lib/trading/open-order";
import { crosses, type Direction } from "@/lib/trading/stop-order";

interface Entry {
  order: OpenStopOrder;
  dir: Direction;
  /** the price a trade must cross */
  price: bigint;
  seq: number;
  /** Number(stopPrice): monotonic with the bigint, so a cheap first comparison (bigints only on a tie) */
  key: number;
  dead: boolean;
}

function compareStops(a: Entry, b: Entry): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  const x = a.price;
  const y = b.price;
  return x < y ? -1 : x > y ? 1 : 0;
}
const compareUp = (a: Entry, b: Entry): number => -compareStops(a, b) || b.seq - a.seq;
const compareDown = (a: Entry, b: Entry): number => compareStops(a, b) || b.seq - a.seq;

/** compaction threshold: dead entries beyond this and beyond the live ones trigger a rebuild */
const MIN_DEAD_TO_COMPACT = 1024;

class Side {
  list: Entry[] = [];
  dead = 0;
  constructor(readonly cmp: (a: Entry, b: Entry) => number) {}

  insert(e: Entry): void {
    this.list.splice(upperBound(this.list, e, this.cmp), 0, e);
  }

  kill(e: Entry): void {
    e.dead = true;
    this.dead++;
    if (this.dead > MIN_DEAD_TO_COMPACT && this.dead * 2 > this.list.length) {
      this.list = this.list.filter((x) => !x.dead);
      this.dead = 0;
    }
  }

  // Removes the suffix from `from` and returns its live entries in firing order (end of the array first).
  popFrom(from: number): Entry[] {
    if (from >= this.list.length) return [];
    const tail = this.list.splice(from);
    const out: Entry[] = [];
    for (let i = tail.length - 1; i >= 0; i--) {
      const e = tail[i] as Entry;
      if (e.dead) this.dead--;
      else out.push(e);
    }
    return out;
  }

  last(): Entry | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const e = this.list[i] as Entry;
      if (!e.dead) return e;
    }
    return undefined;
  }
}

export class TriggerIndex {
  private up = new Side(compareUp);
  private down = new Side(compareDown);
  private byId = new Map<string, Entry>();
  private seq = 0;

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): OpenStopOrder | undefined {
    return this.byId.get(id)?.order;
  }

  // Replaces the whole content with `orders` (given oldest first): one sort per side, not n insertions.
  load(orders: Iterable<OpenStopOrder>): void {
    this.up = new Side(compareUp);
    this.down = new Side(compareDown);
    this.byId.clear();
    for (const order of orders) {
      const prev = this.byId.get(order.id);
      if (prev && prev.order.version > order.version) continue;
      this.byId.set(order.id, this.entry(order));
    }
    for (const e of this.byId.values()) (e.dir === "up" ? this.up : this.down).list.push(e);
    this.up.list.sort(compareUp);
    this.down.list.sort(compareDown);
  }

  // Adds or updates an order by id. An older version than the one held is ignored (a late DB read after
  // an in-process event). An unchanged trigger keeps its place in the queue. Returns false if ignored.
  upsert(order: OpenStopOrder): boolean {
    const prev = this.byId.get(order.id);
    if (prev) {
      if (prev.order.version > order.version) return false;
      const arm = armOf(order);
      if (arm.kind !== "none" && arm.kind !== "trailing" && arm.dir === prev.dir && arm.price === prev.price) {
        prev.order = order;
        return true;
      }
      this.detach(prev);
    }
    const entry = this.entry(order);
    this.byId.set(order.id, entry);
    (entry.dir === "up" ? this.up : this.down).insert(entry);
    return true;
  }

  // Removes an order by id; returns it if it was held.
  remove(id: string): OpenStopOrder | undefined {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    this.detach(entry);
    return entry.order;
  }

  // Removes and returns every order that a trade at `price` fires, "up" orders by ascending stop then
  // "down" orders by descending stop (the order the price crossed them), oldest first on equal stops.
  take(price: bigint): OpenStopOrder[] {
    const upFrom = firstIndex(this.up.list, (e) => e.price <= price);
    const downFrom = firstIndex(this.down.list, (e) => e.price >= price);
    const fired = this.up.popFrom(upFrom);
    for (const e of this.down.popFrom(downFrom)) fired.push(e);
    const out = new Array<OpenStopOrder>(fired.length);
    for (let i = 0; i < fired.length; i++) {
      const e = fired[i] as Entry;
      this.byId.delete(e.order.id);
      // The sort invariant implies this; checked because a wrong fill would move (virtual) money.
      if (!crosses(e.dir, e.price, price)) throw new Error(`trigger index out of order at order ${e.order.id}`);
      out[i] = e.order;
    }
    return out;
  }

  /** the nearest trigger on each side (monitoring, tests) */
  nearest(): { up?: bigint; down?: bigint } {
    return { up: this.up.last()?.price, down: this.down.last()?.price };
  }

  orders(): OpenStopOrder[] {
    return [...this.byId.values()].map((e) => e.order);
  }

  private entry(order: OpenStopOrder): Entry {
    const arm = armOf(order);
    if (arm.kind === "none" || arm.kind === "trailing") throw new Error(`order ${order.id} does not wait for a price to be crossed`);
    return { order, dir: arm.dir, price: arm.price, seq: ++this.seq, key: Number(arm.price), dead: false };
  }

  private detach(entry: Entry): void {
    this.byId.delete(entry.order.id);
    (entry.dir === "up" ? this.up : this.down).kill(entry);
  }
}

// First index whose element is after `x` (cmp > 0).
function upperBound(list: Entry[], x: Entry, cmp: (a: Entry, b: Entry) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(list[mid] as Entry, x) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// First index from which `pred` holds to the end (pred is monotone: false...false true...true).
function firstIndex(list: Entry[], pred: (e: Entry) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(list[mid] as Entry)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
