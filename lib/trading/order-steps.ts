// SQL steps that write orders: insert a new one, and the single conditional state transition
// OPEN -> FILLED | CANCELLED | REJECTED | EXPIRED that lets exactly one of fill, cancel, expiry and reset win.
import type { Step } from "@/lib/atomic";
import type { Pair } from "@/lib/markets";
import { DomainError } from "@/lib/domain-error";
import type { Side, TimeInForce, TypeCode } from "./order-types";

export interface NewOrder {
  id: string;
  portfolioId: string;
  pair: Pair;
  side: Side;
  type: TypeCode;
  status: "OPEN" | "FILLED" | "EXPIRED";
  amount: bigint;
  stopPrice?: bigint;
  lockCoin: string;
  lockAmount?: bigint;
  fillPrice?: bigint;
  quoteAmount?: bigint;
  fee?: bigint;
  triggerTradeId?: string;
  clientOrderId?: string;
  timeInForce?: TimeInForce;
  limitPrice?: bigint;
  quoteOrderQty?: bigint;
  trailingDelta?: number;
  activationPrice?: bigint;
  watermark?: bigint;
  ocoId?: string;
  listClientOrderId?: string;
  maker?: boolean;
  reason?: string;
  /** a competition's fee rate and end (lib/portfolio/trading-rules.ts) */
  feeRate?: bigint;
  expiresAt?: number;
  now: number;
  /** receives the order number the database assigned */
  onOrderNo?: (orderNo: number) => void;
}

const COLUMNS = [
  "id", "portfolioId", "symbol", "base", "quote", "side", "type", "status", "amount", "stopPrice", "lockCoin", "lockAmount",
  "fillPrice", "quoteAmount", "fee", "triggerTradeId", "clientOrderId", "timeInForce", "limitPrice", "quoteOrderQty",
  "trailingDelta", "activationPrice", "watermark", "ocoId", "listClientOrderId", "maker", "reason", "feeRate", "expiresAt", "createdAt", "updatedAt", "closedAt",
];
const INSERT = `INSERT INTO "Order" (${COLUMNS.map((c) => `"${c}"`).join(",")}`;
const VALUES = COLUMNS.map(() => "?").join(",");
// SQLite numbers orders inside its (serialised) transaction; PostgreSQL draws them from a sequence.
const SQLITE_INSERT = `${INSERT},"orderNo") VALUES (${VALUES},(SELECT COALESCE(MAX("orderNo"), 0) + 1 FROM "Order")) RETURNING "orderNo"`;
const PG_INSERT = `${INSERT}) VALUES (${VALUES}) RETURNING "orderNo"`;

export function insertOrderStep(o: NewOrder): Step {
  return {
    sql: SQLITE_INSERT,
    pgSql: PG_INSERT,
    params: [
      o.id, o.portfolioId, o.pair.symbol, o.pair.base, o.pair.quote, o.side, o.type, o.status, o.amount,
      o.stopPrice ?? null, o.lockCoin, o.lockAmount ?? 0n, o.fillPrice ?? null, o.quoteAmount ?? null,
      o.fee ?? null, o.triggerTradeId ?? null, o.clientOrderId ?? null, o.timeInForce ?? null, o.limitPrice ?? null,
      o.quoteOrderQty ?? null, o.trailingDelta ?? null, o.activationPrice ?? null, o.watermark ?? null, o.ocoId ?? null, o.listClientOrderId ?? null,
      o.maker ?? null, o.reason ?? null, o.feeRate ?? null, o.expiresAt === undefined ? null : BigInt(o.expiresAt), BigInt(o.now), BigInt(o.now), o.status === "OPEN" ? null : BigInt(o.now),
    ],
    onRow: (row) => o.onOrderNo?.(Number(row.orderNo)),
    fold: {},
  };
}

export class OrderGone extends Error {
  constructor() {
    super("the order is no longer open in the version read");
  }
}

export interface CloseOrder {
  id: string;
  /** the version read; omitted: any version (an OCO sibling ended by its leg) */
  version?: number;
  status: "FILLED" | "CANCELLED" | "REJECTED" | "EXPIRED";
  now: number;
  portfolioId?: string;
  fillPrice?: bigint;
  quoteAmount?: bigint;
  fee?: bigint;
  maker?: boolean;
  triggerTradeId?: string;
  triggerPrice?: bigint;
  reason?: string;
  onGone?: () => Error;
}

/** OPEN (in the version read) -> closed; changes no row, and aborts the transaction, if anyone else won. */
export function closeOrderStep(c: CloseOrder): Step {
  return {
    sql: `UPDATE "Order" SET "status" = ?, "fillPrice" = ?, "quoteAmount" = ?, "fee" = ?, "maker" = ?, "triggerTradeId" = ?, "triggerPrice" = ?, "reason" = ?, "closedAt" = ?, "updatedAt" = ?, "version" = "version" + 1 WHERE "id" = ? AND "status" = 'OPEN'${c.version === undefined ? "" : ` AND "version" = ?`}${c.portfolioId ? ` AND "portfolioId" = ?` : ""}`,
    params: [
      c.status, c.fillPrice ?? null, c.quoteAmount ?? null, c.fee ?? null, c.maker ?? null, c.triggerTradeId ?? null,
      c.triggerPrice ?? null, c.reason ?? null, BigInt(c.now), BigInt(c.now), c.id,
      ...(c.version === undefined ? [] : [c.version]), ...(c.portfolioId ? [c.portfolioId] : []),
    ],
    expect: { rows: 1, error: c.onGone ?? (() => new OrderGone()) },
    fold: { row: `Order ${c.id}` },
  };
}

/**
 * Closes an order and, for an OCO leg, its sibling in the same transaction, in id order: every
 * transaction that touches both legs locks them in one order (PostgreSQL never deadlocks on them).
 */
export function closeWithSibling(
  c: CloseOrder,
  sibling: { id: string; status: CloseOrder["status"]; reason: string } | null,
  siblingMayBeGone = false,
): Step[] {
  if (!sibling) return [closeOrderStep(c)];
  const step = closeOrderStep({ id: sibling.id, status: sibling.status, reason: sibling.reason, now: c.now, portfolioId: c.portfolioId, onGone: c.onGone });
  // A sibling already ended (a triggered stop-limit leg ended it) is no reason to abort; the leg's own
  // guarded transition still decides every race.
  const other = siblingMayBeGone ? { ...step, expect: undefined } : step;
  const mine = closeOrderStep(c);
  return c.id < sibling.id ? [mine, other] : [other, mine];
}

export const orderNotFound = (id: string) =>
  new DomainError("ORDER_NOT_FOUND", `No open stop order with id ${id} belongs to you.`);
