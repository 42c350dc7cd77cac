// The original's answers on its order endpoints (POST /api/order/market, /api/order/stoploss POST, PUT,
// DELETE, PUT /api/reset), as its frontend reads them.
import { unitsToNumber } from "@/lib/money";
import type { MarketFill } from "@/lib/trading/place-market-order";
import type { StopType } from "@/lib/trading/stop-order";

export const presentMarketFill = (f: MarketFill) => ({
  status: "successful",
  order_id: f.id,
  price: unitsToNumber(f.price),
  b_amount: unitsToNumber(f.amount),
  q_amount: unitsToNumber(f.quote),
  fee: unitsToNumber(f.fee),
  source: f.source,
});

export const presentStopPlaced = (s: { id: string; type: StopType }) => ({ status: "successful", order_id: s.id, order_type: s.type });

export const presentStopModified = (s: { type: StopType }) => ({ status: "successful", message: "Order updated successfully.", order_type: s.type });

export const presentStopCancelled = (s: { id: string }) => ({ status: "successful", message: `Stoploss order with order id ${s.id} cancelled.` });

export const RESET_DONE = { msg: "Account reset successful" };
