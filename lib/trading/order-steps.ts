// SQL steps that write orders: insert a new one, and the single conditional state transition
// OPEN -> FILLED | CANCELLED | REJECTED that lets exactly one of fill, cancel and reset win.
import type { Step } from "@/lib/atomic";
import type { Pair } from "@/lib/markets";
import { AppError } from "@/lib/api/errors";
import type { Side } from "./stop-order";

export interface NewOrder {
  id: string;
  userId: string;
  pair: Pair;
  side: Side;
  type: "M" | "SL" | "TP";
  status: "OPEN" | "FILLED";
  amount: bigint;
  stopPrice?: bigint;
  lockCoin?: string;
  lockAmount?: bigint;
  fillPrice?: bigint;
  quoteAmount?: bigint;
  fee?: bigint;
  triggerTradeId?: string;
  now: number;
}

export function insertOrderStep(o: NewOrder): Step {
  return {
    sql: `INSERT INTO "Order" ("id","userId","symbol","base","quote","side","type","status","amount","stopPrice","lockCoin","lockAmount","fillPrice","quoteAmount","fee","triggerTradeId","createdAt","updatedAt","closedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    params: [
      o.id, o.userId, o.pair.symbol, o.pair.base, o.pair.quote, o.side, o.type, o.status, o.amount,
      o.stopPrice ?? null, o.lockCoin ?? null, o.lockAmount ?? 0n, o.fillPrice ?? null, o.quoteAmount ?? null,
      o.fee ?? null, o.triggerTradeId ?? null, BigInt(o.now), BigInt(o.now), o.status === "FILLED" ? BigInt(o.now) : null,
    ],
  };
}

export class OrderGone extends Error {
  constructor() {
    super("the order is no longer open in the version read");
  }
}

export interface CloseOrder {
  id: string;
  version: number;
  status: "FILLED" | "CANCELLED" | "REJECTED";
  now: number;
  userId?: string;
  fillPrice?: bigint;
  quoteAmount?: bigint;
  fee?: bigint;
  triggerTradeId?: string;
  triggerPrice?: bigint;
  reason?: string;
  onGone?: () => Error;
}

/** OPEN (in the version read) -> closed; changes no row, and aborts the transaction, if anyone else won. */
export function closeOrderStep(c: CloseOrder): Step {
  return {
    sql: `UPDATE "Order" SET "status" = ?, "fillPrice" = ?, "quoteAmount" = ?, "fee" = ?, "triggerTradeId" = ?, "triggerPrice" = ?, "reason" = ?, "closedAt" = ?, "updatedAt" = ?, "version" = "version" + 1 WHERE "id" = ? AND "status" = 'OPEN' AND "version" = ?${c.userId ? ` AND "userId" = ?` : ""}`,
    params: [
      c.status, c.fillPrice ?? null, c.quoteAmount ?? null, c.fee ?? null, c.triggerTradeId ?? null, c.triggerPrice ?? null,
      c.reason ?? null, BigInt(c.now), BigInt(c.now), c.id, c.version, ...(c.userId ? [c.userId] : []),
    ],
    expect: { rows: 1, error: c.onGone ?? (() => new OrderGone()) },
  };
}

export const orderNotFound = (id: string) =>
  new AppError("ORDER_NOT_FOUND", `No open stop order with id ${id} belongs to you.`);
