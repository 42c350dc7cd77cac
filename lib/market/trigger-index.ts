// The open stop orders of one pair, kept sorted by trigger so that a trade costs O(log n + fired) instead
// of a scan. Two arrays, each sorted so that the orders that fire first sit at the END: a tick pops a
// suffix (no shifting of the rest), found by binary search.
//   up   (fires when price >= stop): stop descending  -> the lowest stops at the end
//   down (fires when price <= stop): stop ascending   -> the highest stops at the end
// Ties on the stop are broken by arming order, oldest at the end (it fires first).
import { directionOf, fires, type Direction, type OpenStopOrder } from "@/lib/trading/stop-order";

interface Entry {
  order: OpenStopOrder;
  dir: Direction;
  seq: number;
}

const compareUp = (a: Entry, b: Entry): number =>
  a.order.stopPrice > b.order.stopPrice ? -1 : a.order.stopPrice < b.order.stopPrice ? 1 : b.seq - a.seq;
const compareDown = (a: Entry, b: Entry): number =>
  a.order.stopPrice < b.order.stopPrice ? -1 : a.order.stopPrice > b.order.stopPrice ? 1 : b.seq - a.seq;

export class TriggerIndex {
  private up: Entry[] = [];
  private down: Entry[] = [];
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
    this.up = [];
    this.down = [];
    this.byId.clear();
    for (const order of orders) {
      const prev = this.byId.get(order.id);
      if (prev && prev.order.version > order.version) continue;
      const entry: Entry = { order, dir: directionOf(order.side, order.type), seq: ++this.seq };
      this.byId.set(order.id, entry);
    }
    for (const e of this.byId.values()) (e.dir === "up" ? this.up : this.down).push(e);
    this.up.sort(compareUp);
    this.down.sort(compareDown);
  }

  // Adds or updates an order by id. An older version than the one held is ignored (a late DB read after
  // an in-process event). An unchanged trigger keeps its place in the queue. Returns false if ignored.
  upsert(order: OpenStopOrder): boolean {
    const prev = this.byId.get(order.id);
    if (prev) {
      if (prev.order.version > order.version) return false;
      const dir = directionOf(order.side, order.type);
      if (dir === prev.dir && order.stopPrice === prev.order.stopPrice) {
        prev.order = order;
        return true;
      }
      this.detach(prev);
    }
    const entry: Entry = { order, dir: directionOf(order.side, order.type), seq: ++this.seq };
    this.byId.set(order.id, entry);
    const list = entry.dir === "up" ? this.up : this.down;
    const cmp = entry.dir === "up" ? compareUp : compareDown;
    list.splice(upperBound(list, entry, cmp), 0, entry);
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
    const upFrom = firstIndex(this.up, (e) => e.order.stopPrice <= price);
    const downFrom = firstIndex(this.down, (e) => e.order.stopPrice >= price);
    if (upFrom === this.up.length && downFrom === this.down.length) return [];
    const fired = this.up.splice(upFrom).reverse();
    for (const e of this.down.splice(downFrom).reverse()) fired.push(e);
    const out: OpenStopOrder[] = new Array(fired.length);
    for (let i = 0; i < fired.length; i++) {
      const e = fired[i] as Entry;
      this.byId.delete(e.order.id);
      // The sort invariant implies this; checked because a wrong fill would move (virtual) money.
      if (!fires(e.order, price)) throw new Error(`trigger index out of order at order ${e.order.id}`);
      out[i] = e.order;
    }
    return out;
  }

  /** the nearest trigger on each side (monitoring, tests) */
  nearest(): { up?: bigint; down?: bigint } {
    return { up: this.up[this.up.length - 1]?.order.stopPrice, down: this.down[this.down.length - 1]?.order.stopPrice };
  }

  orders(): OpenStopOrder[] {
    return [...this.byId.values()].map((e) => e.order);
  }

  private detach(entry: Entry): void {
    this.byId.delete(entry.order.id);
    const list = entry.dir === "up" ? this.up : this.down;
    const cmp = entry.dir === "up" ? compareUp : compareDown;
    const i = lowerBound(list, entry, cmp);
    if (list[i] === entry) list.splice(i, 1);
    else {
      // Unreachable while the invariant holds; a linear fallback keeps the index consistent regardless.
      const j = list.indexOf(entry);
      if (j >= 0) list.splice(j, 1);
    }
  }
}

// First index whose element is not before `x` (cmp >= 0).
function lowerBound(list: Entry[], x: Entry, cmp: (a: Entry, b: Entry) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(list[mid] as Entry, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
