// The active trailing stops of one pair. A trailing order's watermark is the extreme trade price since
// its activation (SELL: the highest, BUY: the lowest), so orders activated earlier have watermarks at
// least as extreme as later ones. Orders with equal watermarks form a class; per side and delta the
// classes sit in a deque sorted by watermark, most extreme at the head:
//   - a trade fires classes from the head (the most extreme watermark has the nearest trigger);
//   - a new extreme p merges every class at the tail whose watermark p passes into one class with
//     watermark p (each class is merged once: amortised O(1) per trade, no per-order loop).
// Merged classes hang under the survivor (union-find with path compression) so that an order's live
// watermark can still be looked up, and its members are collected only when the class fires, or when its
// moved watermark is persisted (drainMoved, at most once a second: never per trade).
import type { OpenOrder } from "@/lib/trading/open-order";
import type { Side } from "@/lib/trading/order-types";
import { trailingFires } from "@/lib/trading/trailing-stop";

interface Node {
  wm: bigint;
  members: OpenOrder[];
  children: Node[];
  parent: Node | null;
}

interface Held {
  order: OpenOrder;
  node: Node;
}

/** A class whose watermark moved since the last drain, with the orders it holds. */
export interface MovedClass {
  side: Side;
  watermark: bigint;
  orders: OpenOrder[];
}

/** Is `a` at least as extreme as `b` for this side (SELL: higher, BUY: lower)? */
const atLeast = (side: Side, a: bigint, b: bigint): boolean => (side === "SELL" ? a >= b : a <= b);

class Ladder {
  classes: Node[] = [];
  head = 0;
  /** survivors of merges since the last drain */
  moved = new Set<Node>();
  constructor(readonly side: Side, readonly delta: number) {}

  get length(): number {
    return this.classes.length - this.head;
  }

  add(order: OpenOrder, wm: bigint): Node {
    const n = this.classes.length;
    const tail = n > this.head ? (this.classes[n - 1] as Node) : undefined;
    if (tail && tail.wm === wm) {
      tail.members.push(order);
      return tail;
    }
    if (!tail || atLeast(this.side, tail.wm, wm)) {
      const node: Node = { wm, members: [order], children: [], parent: null };
      this.classes.push(node);
      return node;
    }
    // Out of order (a reload, or a watermark read from the database): find its place.
    let lo = this.head;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (atLeast(this.side, (this.classes[mid] as Node).wm, wm)) lo = mid + 1;
      else hi = mid;
    }
    const prev = lo > this.head ? (this.classes[lo - 1] as Node) : undefined;
    if (prev && prev.wm === wm) {
      prev.members.push(order);
      return prev;
    }
    const node: Node = { wm, members: [order], children: [], parent: null };
    this.classes.splice(lo, 0, node);
    return node;
  }

  // Fires the head classes the trade crosses, then merges the tail classes it passes.
  tick(price: bigint, fired: Node[]): void {
    while (this.head < this.classes.length) {
      const h = this.classes[this.head] as Node;
      if (!trailingFires(this.side, h.wm, this.delta, price)) break;
      fired.push(h);
      this.classes[this.head++] = undefined as unknown as Node;
    }
    if (this.head > 1024 && this.head * 2 > this.classes.length) {
      this.classes = this.classes.slice(this.head);
      this.head = 0;
    }
    let survivor: Node | undefined;
    while (this.classes.length > this.head) {
      const t = this.classes[this.classes.length - 1] as Node;
      if (!atLeast(this.side, price, t.wm)) break;
      this.classes.pop();
      if (survivor) {
        survivor.parent = t;
        t.children.push(survivor);
      }
      survivor = t;
    }
    if (survivor) {
      survivor.wm = price;
      this.classes.push(survivor);
      this.moved.add(survivor);
    }
  }

  /** The position of a live class (binary search on the sorted watermarks), or -1 if it fired or merged. */
  indexOf(node: Node): number {
    let lo = this.head;
    let hi = this.classes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.classes[mid] as Node;
      if (c === node) return mid;
      if (atLeast(this.side, c.wm, node.wm) && c.wm !== node.wm) lo = mid + 1;
      else hi = mid;
    }
    return this.classes[lo] === node ? lo : -1;
  }
}

function rootOf(node: Node): Node {
  let r = node;
  while (r.parent) r = r.parent;
  // path compression: later look-ups are O(1)
  let n = node;
  while (n.parent && n.parent !== r) {
    const next: Node = n.parent;
    n.parent = r;
    n = next;
  }
  return r;
}

export class TrailingIndex {
  private ladders = new Map<string, Ladder>();
  private byId = new Map<string, Held>();

  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): OpenOrder | undefined {
    return this.byId.get(id)?.order;
  }

  /** The live watermark of a held order. */
  watermark(id: string): bigint | undefined {
    const h = this.byId.get(id);
    return h ? rootOf(h.node).wm : undefined;
  }

  // Adds an active trailing order (or a newer version of one held: the live watermark is kept).
  upsert(order: OpenOrder, wm: bigint): boolean {
    const prev = this.byId.get(order.id);
    if (prev) {
      if (prev.order.version > order.version) return false;
      prev.order = order;
      return true;
    }
    const delta = order.trailingDelta;
    if (!delta) throw new Error(`order ${order.id} is not a trailing order`);
    const key = `${order.side}:${delta}`;
    let ladder = this.ladders.get(key);
    if (!ladder) this.ladders.set(key, (ladder = new Ladder(order.side, delta)));
    this.byId.set(order.id, { order, node: ladder.add(order, wm) });
    return true;
  }

  remove(id: string): OpenOrder | undefined {
    const h = this.byId.get(id);
    if (!h) return undefined;
    this.byId.delete(id);
    return h.order;
  }

  // The classes whose watermark moved since the last call, each with its members still held here.
  drainMoved(): MovedClass[] {
    const out: MovedClass[] = [];
    for (const ladder of this.ladders.values()) {
      for (const node of ladder.moved) {
        if (node.parent) continue; // merged again since: its survivor is in the set
        if (ladder.indexOf(node) < 0) continue; // fired
        const orders = this.members(node);
        if (orders.length) out.push({ side: ladder.side, watermark: node.wm, orders });
      }
      ladder.moved.clear();
    }
    return out;
  }

  // The orders held in a class and the classes merged into it.
  private members(root: Node): OpenOrder[] {
    const out: OpenOrder[] = [];
    const stack = [root];
    while (stack.length) {
      const node = stack.pop() as Node;
      for (const m of node.members) {
        const h = this.byId.get(m.id);
        if (h && h.node === node) out.push(h.order);
      }
      for (const c of node.children) stack.push(c);
    }
    return out;
  }

  // A trade: removes and returns the orders it fires (each with its final watermark), moves the rest.
  take(price: bigint): OpenOrder[] {
    const fired: Node[] = [];
    for (const ladder of this.ladders.values()) ladder.tick(price, fired);
    const out: OpenOrder[] = [];
    const stack = [...fired];
    while (stack.length) {
      const node = stack.pop() as Node;
      const wm = rootOf(node).wm;
      for (const m of node.members) {
        const h = this.byId.get(m.id);
        if (!h || h.node !== node) continue; // cancelled, or re-armed elsewhere
        this.byId.delete(m.id);
        out.push({ ...h.order, watermark: wm });
      }
      for (const c of node.children) stack.push(c);
    }
    return out;
  }
}
