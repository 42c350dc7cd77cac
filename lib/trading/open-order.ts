// An open order as the engine holds it (the worker's indexes, the fill use case), and the one rule that
// says how it waits for the market: a resting limit, a stop, a trailing stop waiting for its activation
// price, or an active trailing stop. Amounts and prices in 1e-8 units.
import type { Side, TimeInForce, TypeCode } from "./order-types";
import { crosses, directionOf, type Direction } from "./stop-order";

export interface OpenOrder {
  id: string;
  portfolioId: string;
  symbol: string;
  side: Side;
  type: TypeCode;
  amount: bigint;
  stopPrice: bigint | null;
  lockAmount: bigint;
  version: number;
  /** the coin the lock is held in (stored at placement) */
  lockCoin: string;
  limitPrice?: bigint | null;
  timeInForce?: TimeInForce | null;
  trailingDelta?: number | null;
  activationPrice?: bigint | null;
  /** trailing: the extreme since activation; null until active */
  watermark?: bigint | null;
  /** stop-limit: its stop has fired and it rests as a limit */
  triggeredAt?: number | null;
  ocoId?: string | null;
  /** a competition's fee rate, fixed at placement (null: the platform's maker / taker rates) */
  feeRate?: bigint | null;
  /** a competition's end (market clock, ms): from then on the order cannot fill */
  expiresAt?: number | null;
}

export type Arm =
  /** waits in the trigger index for a trade crossing `price` in `dir` */
  | { kind: "limit" | "stop" | "activation"; dir: Direction; price: bigint }
  /** waits in the trailing index */
  | { kind: "trailing"; watermark: bigint; delta: number }
  /** nothing to wait for (market orders, malformed rows) */
  | { kind: "none" };

const stopDirection = (o: OpenOrder): Direction => directionOf(o.side, o.type === "TP" || o.type === "TPL" ? "TP" : "SL");

/** How an open order waits for the market. */
export function armOf(o: OpenOrder): Arm {
  const limitDir: Direction = o.side === "BUY" ? "down" : "up";
  const set = (v: bigint | null | undefined): v is bigint => v !== null && v !== undefined;
  if (o.type === "L" || o.type === "LM") return set(o.limitPrice) ? { kind: "limit", dir: limitDir, price: o.limitPrice } : { kind: "none" };
  if (o.type === "M") return { kind: "none" };
  if (o.triggeredAt && set(o.limitPrice)) return { kind: "limit", dir: limitDir, price: o.limitPrice };
  if (o.trailingDelta) {
    if (set(o.watermark)) return { kind: "trailing", watermark: o.watermark, delta: o.trailingDelta };
    if (set(o.activationPrice)) return { kind: "activation", dir: stopDirection(o), price: o.activationPrice };
    return { kind: "none" };
  }
  return set(o.stopPrice) ? { kind: "stop", dir: stopDirection(o), price: o.stopPrice } : { kind: "none" };
}

/** Would a trade at `tradePrice` fire this trigger-index arm? */
export function armFires(arm: Arm, tradePrice: bigint): boolean {
  return arm.kind !== "trailing" && arm.kind !== "none" && crosses(arm.dir, arm.price, tradePrice);
}
