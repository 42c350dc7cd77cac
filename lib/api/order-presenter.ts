// The native API's order object (docs/api.md "Orders (native)"): numbers exact to 8 decimals, Binance's
// type and status names, the original's type code alongside.
import { unitsToNumber } from "@/lib/money";
import { liveWatermark } from "@/lib/trading/live-watermarks";
import type { OrderRecord } from "@/lib/trading/order-record";
import { STATUS_NAME, typeOfCode } from "@/lib/trading/order-types";
import { trailingTrigger } from "@/lib/trading/trailing-stop";

const num = (v: bigint | null | undefined) => (v === null || v === undefined ? null : unitsToNumber(v));
const iso = (ms: bigint | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

function triggerPrice(o: OrderRecord): bigint | null {
  if (o.triggeredAt !== null) return null;
  if (o.trailingDelta !== null) {
    const wm = (o.status === "OPEN" ? liveWatermark(o.id) : undefined) ?? o.watermark;
    return wm === null ? o.activationPrice : trailingTrigger(o.side, wm, o.trailingDelta);
  }
  return o.stopPrice;
}

export function presentOrder(o: OrderRecord) {
  const open = o.status === "OPEN";
  return {
    order_id: o.id,
    order_no: o.orderNo,
    client_order_id: o.clientOrderId,
    symbol: o.symbol,
    base: o.base,
    quote: o.quote,
    side: o.side,
    type: typeOfCode(o.type),
    time_in_force: o.timeInForce,
    status: STATUS_NAME[o.status],
    amount: unitsToNumber(o.amount),
    quote_amount: num(o.quoteOrderQty),
    price: num(o.limitPrice),
    stop_price: num(o.stopPrice),
    trailing_delta: o.trailingDelta,
    trigger_price: num(triggerPrice(o)),
    activation_price: num(o.activationPrice),
    oco_id: o.ocoId,
    fill_price: num(o.fillPrice),
    fee: num(o.fee),
    maker: o.maker,
    lock: { coin: o.lockCoin, amount: open ? unitsToNumber(o.lockAmount) : 0 },
    order_type: o.type,
    created_at: iso(o.createdAt),
    updated_at: iso(o.updatedAt),
    filled_at: o.status === "FILLED" ? iso(o.closedAt) : null,
  };
}

export type NativeOrder = ReturnType<typeof presentOrder>;
