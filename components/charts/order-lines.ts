// Which price lines the candle chart draws for the user's open orders, as TradingView does: one line
// per order at the price that decides it - the trigger of a stop (the trailing stop's current trigger),
// the limit of a resting limit - and a second, dotted line at the limit of a stop-limit.
import { hasTrigger, typeLabel, type Order } from "@/components/orders/order";

export interface OrderLine {
  /** stable per order and line, to update lines in place */
  key: string;
  price: number;
  title: string;
  color: string;
  dotted: boolean;
}

const BUY = "#34c77b";
const SELL = "#ff6b6b";

/** The lines for the open orders of `symbol` (other pairs' orders are not drawn). */
export function orderLines(orders: readonly Order[], symbol: string): OrderLine[] {
  const lines: OrderLine[] = [];
  for (const o of orders) {
    if (o.symbol !== symbol || o.status !== "NEW") continue;
    const color = o.side === "BUY" ? BUY : SELL;
    const side = o.side === "BUY" ? "Buy" : "Sell";
    const label = `${side} ${typeLabel(o).toLowerCase()}`;
    if (hasTrigger(o.type) && o.trigger_price == null && o.price != null) {
      // A stop-limit whose stop was reached (the API then has no trigger): it rests as a limit.
      lines.push({ key: `${o.order_id}:limit`, price: o.price, title: `${side} limit (stop reached)`, color, dotted: false });
    } else if (hasTrigger(o.type)) {
      const trigger = o.trigger_price ?? o.stop_price ?? o.activation_price;
      if (trigger != null) lines.push({ key: `${o.order_id}:trigger`, price: trigger, title: label, color, dotted: false });
      if (o.price != null) lines.push({ key: `${o.order_id}:limit`, price: o.price, title: `${side} limit after trigger`, color, dotted: true });
    } else if (o.price != null) {
      lines.push({ key: `${o.order_id}:limit`, price: o.price, title: label, color, dotted: false });
    }
  }
  return lines;
}
