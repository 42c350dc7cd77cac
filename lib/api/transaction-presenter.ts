// The original's `tx` row (GET /api/transactions/open and /closed): an order as its frontend lists it.
import { unitsToNumber } from "@/lib/money";
import type { OrderRecord } from "@/lib/trading/order-record";

const num = (v: bigint | null) => (v === null ? null : unitsToNumber(v));

export function presentTx(o: OrderRecord) {
  const at = new Date(Number(o.closedAt ?? o.createdAt));
  const iso = at.toISOString();
  return {
    order_id: o.id,
    symbol: o.symbol,
    base: o.base,
    quote: o.quote,
    b_amount: unitsToNumber(o.amount),
    // open: the limit price, else the stop; closed: the fill price
    price: o.status === "OPEN" ? num(o.limitPrice ?? o.stopPrice) : num(o.fillPrice ?? o.limitPrice ?? o.stopPrice),
    ...(o.type !== "M" && o.type !== "L" && o.type !== "LM" ? { stop: num(o.stopPrice) } : {}),
    ...(o.trailingDelta !== null ? { trailing_delta: o.trailingDelta } : {}),
    date: iso.slice(0, 10),
    time: iso.slice(11, 19),
    timestamp: iso,
    order_type: o.type,
    side: o.side,
    status: o.status,
    ...(o.status === "OPEN" ? { fixed: unitsToNumber(o.lockAmount) } : {}),
    ...(o.quoteAmount !== null ? { q_amount: unitsToNumber(o.quoteAmount) } : {}),
    ...(o.fee !== null ? { fee: unitsToNumber(o.fee) } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
  };
}

export type Tx = ReturnType<typeof presentTx>;
