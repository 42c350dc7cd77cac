// Fires the orders one trade crossed, with the same outcome per order as fireOrder one after the other in
// firing order, but committing the plain fills several per transaction (a commit costs ~1 ms on PostgreSQL,
// so 1,000 fills one by one cannot fit in a second). Consecutive fills go into chunks: one transaction per
// chunk (lib/atomic.ts; on PostgreSQL one statement) that locks the chunk's order rows in id order, moves
// them OPEN -> FILLED guarded by status and version, expires their OCO siblings, then applies the summed
// change of each (portfolio, coin) with the guard of the whole sequence (balance-steps.ts batchBalanceSteps) and
// writes the ledger rows. When any guard of a chunk fails (an order was cancelled meanwhile, funds short,
// a bound) the chunk rolls back whole and its orders are fired one by one with fireOrder, which settles
// each of them on its own. Orders that are not plain fills (a stop-limit that expires or rests, a fill
// too large to store) end the chunk and go through fireOrder in their place in the sequence.
// Each order's result is reported after the transaction that decided it has committed.
import { marketNow } from "@/lib/market/market-clock";
import { atomic } from "@/lib/atomic";
import { DomainError } from "@/lib/domain-error";
import { findPair } from "@/lib/markets";
import { MAX_STORED } from "./amount-bounds";
import { batchBalanceSteps, mergeChanges, type OwnedChanges } from "./balance-steps";
import { fireOrder, type FireResult } from "./fire-order";
import { fillPriceOf } from "./fill-price";
import { siblingOf } from "./oco-legs";
import type { OpenOrder } from "./open-order";
import { fillOrdersSteps, type FilledOrder } from "./order-steps";
import { feeRate, tradeAmounts } from "./quote-costs";
import { lockChange, tradeChanges } from "./trade-changes";

/**
 * Orders per transaction: 1,000 fills are 4 commits (tests/bench/engine.ts: 250 took about 0.6x the time
 * of 100 on PostgreSQL); a chunk that a guard refuses is redone one by one, 250 single transactions.
 */
export const FILL_CHUNK = 250;

export type Fired = { order: OpenOrder; result: FireResult } | { order: OpenOrder; error: unknown };

export interface FireOrdersInput {
  /** the fired orders, in firing order */
  orders: OpenOrder[];
  /** the firing trade */
  price: bigint;
  tradeId: string;
  tradeTime?: number;
  /** asked before each transaction; false stops there (lease lost, price stale): the rest are returned */
  proceed?: () => boolean;
  /** each order's result (or the error that stopped its fill), in firing order, after its commit */
  onFired: (fired: Fired) => void;
  /** each chunk of fills tried in one transaction: committed, refused by a guard, or failed with an error */
  onChunk?: (chunk: { size: number; outcome: "committed" | "refused" | "failed"; error?: unknown }) => void;
  chunk?: number;
}

class ChunkRefused extends Error {}

interface PlannedFill {
  order: OpenOrder;
  sibling: string | null;
  fill: FilledOrder;
  balances: OwnedChanges;
}

function planFill(order: OpenOrder, price: bigint): PlannedFill | null {
  const pair = findPair(order.symbol);
  if (!pair) throw new DomainError("UNKNOWN_PAIR", `unknown pair ${order.symbol}`);
  // An order past its competition's end expires instead (fireOrder).
  if (order.expiresAt != null && marketNow() >= order.expiresAt) return null;
  const terms = fillPriceOf(order, price);
  if (!terms) return null;
  const t = tradeAmounts(order.side, order.amount, terms.fillAt, order.feeRate ?? feeRate(terms.maker));
  if (t.quote + t.fee > MAX_STORED) return null;
  return {
    order,
    sibling: siblingOf(order.id, order.ocoId),
    fill: { id: order.id, version: order.version, fillPrice: terms.fillAt, quoteAmount: t.quote, fee: t.fee, maker: terms.maker },
    balances: {
      portfolioId: order.portfolioId,
      orderId: order.id,
      changes: mergeChanges([lockChange(order.lockCoin, -order.lockAmount), ...tradeChanges(pair, order.side, order.amount, t)]),
    },
  };
}

/** Fires the orders; returns the ones left unfired because `proceed()` said stop. */
export async function fireOrders(input: FireOrdersInput): Promise<OpenOrder[]> {
  const { orders, price, tradeId, tradeTime, onFired } = input;
  const size = Math.max(1, input.chunk ?? FILL_CHUNK);
  const proceed = input.proceed ?? (() => true);
  let chunk: PlannedFill[] = [];
  let touched = new Set<string>();

  const one = async (order: OpenOrder) => {
    try {
      onFired({ order, result: await fireOrder({ order, price, tradeId, tradeTime }) });
    } catch (error) {
      onFired({ order, error });
    }
  };
  // Commits the chunk (or fires its orders one by one); returns the orders left unfired when proceed() said stop.
  const flush = async (): Promise<OpenOrder[]> => {
    const fills = chunk;
    chunk = [];
    touched = new Set();
    if (!fills.length) return [];
    if (!proceed()) return fills.map((f) => f.order);
    if (fills.length > 1 && (await commitChunk(fills, price, tradeId, input.onChunk))) {
      for (const f of fills) onFired({ order: f.order, result: { outcome: "FILLED", portfolioId: f.order.portfolioId, orderId: f.order.id, siblingId: f.sibling } });
    } else {
      for (let k = 0; k < fills.length; k++) {
        if (k > 0 && !proceed()) return fills.slice(k).map((f) => f.order);
        await one(fills[k]!.order);
      }
    }
    // On SQLite a transaction runs synchronously: let requests and cancels in between the chunks.
    await new Promise((resolve) => setImmediate(resolve));
    return [];
  };

  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    let planned: PlannedFill | null = null;
    try {
      planned = planFill(order, price);
    } catch {
      planned = null; // fireOrder reports it
    }
    // Two orders touching one order row (an OCO's legs) never share a chunk.
    const collides = planned !== null && (touched.has(order.id) || (planned.sibling !== null && touched.has(planned.sibling)));
    if (collides || !planned || chunk.length >= size) {
      const left = await flush();
      if (left.length) return [...left, ...orders.slice(i)];
    }
    if (!planned) {
      if (!proceed()) return orders.slice(i);
      await one(order);
      continue;
    }
    chunk.push(planned);
    touched.add(order.id);
    if (planned.sibling) touched.add(planned.sibling);
  }
  return flush();
}

// One transaction for the chunk; false when any guard refused it (nothing was written).
async function commitChunk(fills: PlannedFill[], price: bigint, tradeId: string, onChunk: FireOrdersInput["onChunk"]): Promise<boolean> {
  const now = marketNow();
  const refuse = () => new ChunkRefused();
  try {
    const balances = batchBalanceSteps(fills.map((f) => f.balances), now, refuse);
    await atomic([
      ...fillOrdersSteps(
        fills.map((f) => f.fill),
        fills.flatMap((f) => (f.sibling ? [f.sibling] : [])),
        { tradeId, price, now, siblingReason: "the other leg of its OCO fired" },
        refuse,
      ),
      ...(balances ?? []),
    ]);
    onChunk?.({ size: fills.length, outcome: "committed" });
    return true;
  } catch (error) {
    // A refused guard, or anything else (a lost connection, say): the orders are fired one by one, where
    // each meets its own guard and reports its own error.
    if (error instanceof ChunkRefused) onChunk?.({ size: fills.length, outcome: "refused" });
    else onChunk?.({ size: fills.length, outcome: "failed", error });
    return false;
  }
}
