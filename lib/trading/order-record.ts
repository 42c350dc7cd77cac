// An order as the use cases return it (a domain value: bigint amounts, stored codes); each API dialect
// presents it in its own shape. ORDER_SELECT reads exactly these fields.
import type { Side, StoredStatus, TimeInForce, TypeCode } from "./order-types";

export interface OrderRecord {
  id: string;
  orderNo: number | null;
  clientOrderId: string | null;
  symbol: string;
  base: string;
  quote: string;
  side: Side;
  type: TypeCode;
  status: StoredStatus;
  timeInForce: TimeInForce | null;
  amount: bigint;
  quoteOrderQty: bigint | null;
  limitPrice: bigint | null;
  stopPrice: bigint | null;
  trailingDelta: number | null;
  activationPrice: bigint | null;
  watermark: bigint | null;
  triggeredAt: bigint | null;
  ocoId: string | null;
  /** an OCO's list client id, on its first leg (null on the other leg, outside OCOs, and on lists placed before it was stored) */
  listClientOrderId: string | null;
  fillPrice: bigint | null;
  quoteAmount: bigint | null;
  fee: bigint | null;
  maker: boolean | null;
  lockCoin: string;
  lockAmount: bigint;
  reason: string | null;
  /** a competition's fee rate and end, fixed at placement */
  feeRate: bigint | null;
  expiresAt: bigint | null;
  createdAt: bigint;
  updatedAt: bigint;
  closedAt: bigint | null;
}

export const ORDER_SELECT = {
  id: true, orderNo: true, clientOrderId: true, symbol: true, base: true, quote: true, side: true, type: true, status: true,
  timeInForce: true, amount: true, quoteOrderQty: true, limitPrice: true, stopPrice: true, trailingDelta: true,
  activationPrice: true, watermark: true, triggeredAt: true, ocoId: true, listClientOrderId: true, fillPrice: true, quoteAmount: true, fee: true,
  maker: true, lockCoin: true, lockAmount: true, reason: true, feeRate: true, expiresAt: true, createdAt: true, updatedAt: true, closedAt: true,
} as const;

/** A row read with ORDER_SELECT, typed (the columns are plain strings in the schema). */
export const asRecord = (row: { side: string; type: string; status: string; timeInForce: string | null } & Omit<OrderRecord, "side" | "type" | "status" | "timeInForce">): OrderRecord =>
  row as OrderRecord;
