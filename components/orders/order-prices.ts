// The prices an open order is waiting on, as the open-orders list writes them: "limit 89,500.00",
// "stop 88,000.00 → limit 87,900.00", "trigger 91,020.00 (trails 1 %, activates at 95,000.00)".
import { formatPrice } from "@/components/format/format-number";
import { bipsLabel, hasTrigger, type Order } from "./order";

export function orderPrices(o: Order): string[] {
  const parts: string[] = [];
  // A stop-limit whose stop was reached has no trigger any more: it rests as a limit.
  if (hasTrigger(o.type) && o.trigger_price == null && o.price != null) return [`stop reached → limit ${formatPrice(o.price)}`];
  if (o.trailing_delta != null) {
    const trigger = o.trigger_price != null ? `trigger ${formatPrice(o.trigger_price)}` : "trigger not set yet";
    const activation = o.activation_price != null ? `, activates at ${formatPrice(o.activation_price)}` : "";
    parts.push(`${trigger} (trails ${bipsLabel(o.trailing_delta)}${activation})`);
    if (o.price != null) parts.push(`then limit ${formatPrice(o.price)}`);
    return parts;
  }
  if (o.stop_price != null) parts.push(o.price != null ? `stop ${formatPrice(o.stop_price)} → limit ${formatPrice(o.price)}` : `stop ${formatPrice(o.stop_price)}`);
  else if (o.price != null) parts.push(`limit ${formatPrice(o.price)}`);
  return parts;
}

/** "2026-12-01 21:40:05" (UTC) from an ISO time. */
export const shortTime = (iso: string): string => iso.slice(0, 19).replace("T", " ");
