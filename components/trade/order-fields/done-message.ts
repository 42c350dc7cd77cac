// The sentence the form shows after an order was accepted, from the server's answer.
import { formatAmount, formatPrice } from "@/components/format/format-number";
import { typeLabel, type Order } from "@/components/orders/order";
import type { PairInfo } from "../types";

export interface MarketAnswer {
  price: number;
  b_amount: number;
  fee: number;
}

const verb = (side: string) => (side === "BUY" ? "Bought" : "Sold");

export function marketDone(side: string, pair: PairInfo, r: MarketAnswer): string {
  return `${verb(side)} ${formatAmount(r.b_amount)} ${pair.base} at ${formatPrice(r.price)} ${pair.quote} (fee ${formatAmount(r.fee)} ${pair.quote}).`;
}

export function stopDone(side: string, pair: PairInfo, amount: string, stop: string, orderType: string): string {
  return `Stop order placed (${orderType === "TP" ? "take-profit" : "stop-loss"}): ${side.toLowerCase()} ${amount} ${pair.base} at ${stop}.`;
}

/** For an order of /api/orders: filled at once, expired (IOC/FOK), or placed and waiting. */
export function orderDone(o: Order): string {
  const what = typeLabel(o);
  if (o.status === "FILLED") {
    return `${verb(o.side)} ${formatAmount(o.amount)} ${o.base} at ${formatPrice(o.fill_price)} ${o.quote} (${what.toLowerCase()}, fee ${formatAmount(o.fee)} ${o.quote}).`;
  }
  if (o.status === "EXPIRED") return `${what} order expired: it could not fill whole at once, so nothing was traded.`;
  if (o.status !== "NEW") return `${what} order ${o.status.toLowerCase()}.`;
  const at = o.price != null && o.type.includes("LIMIT") && !o.stop_price ? ` at ${formatPrice(o.price)}` : "";
  return `${what} order placed: ${o.side.toLowerCase()} ${formatAmount(o.amount)} ${o.base}${at}.`;
}

export function ocoDone(orders: readonly Order[]): string {
  const [a] = orders;
  if (!a) return "OCO placed.";
  const prices = orders.map((o) => `${typeLabel(o).toLowerCase()} ${formatPrice(o.stop_price ?? o.price)}`).join(", ");
  return `OCO placed: ${a.side.toLowerCase()} ${formatAmount(a.amount)} ${a.base} (${prices}).`;
}
