// The native order object and the preview answer, as /api/orders and /api/orders/preview send them
// (the contract in docs/api.md), and how the pages name each type.

export type OrderType = "MARKET" | "LIMIT" | "LIMIT_MAKER" | "STOP_LOSS" | "TAKE_PROFIT" | "STOP_LOSS_LIMIT" | "TAKE_PROFIT_LIMIT";
export type OrderStatus = "NEW" | "FILLED" | "CANCELED" | "REJECTED" | "EXPIRED";
export type OrderSide = "BUY" | "SELL";
export type TimeInForce = "GTC" | "IOC" | "FOK";

export interface Lock {
  coin: string;
  amount: number;
}

export interface Order {
  order_id: string;
  order_no: number;
  client_order_id: string;
  symbol: string;
  base: string;
  quote: string;
  side: OrderSide;
  type: OrderType;
  time_in_force: TimeInForce | null;
  status: OrderStatus;
  amount: number;
  quote_amount: number | null;
  price: number | null;
  stop_price: number | null;
  trailing_delta: number | null;
  trigger_price: number | null;
  activation_price: number | null;
  oco_id: string | null;
  fill_price: number | null;
  fee: number | null;
  maker: boolean | null;
  lock: Lock;
  order_type: string;
  created_at: string;
  updated_at: string;
  filled_at: string | null;
}

/** POST /api/orders/preview's answer: what the order would cost, lock and pay in fees now. */
export interface Preview {
  price: number;
  amount: number;
  quote_amount: number;
  fee: number;
  fee_rate: number;
  maker: boolean;
  lock: Lock;
  marketable: boolean;
}

export const OPEN_ORDERS_KEY = "/api/orders?status=open";

const isStop = (t: OrderType) => t === "STOP_LOSS" || t === "TAKE_PROFIT";

/** A person's name for the order's type: "Limit", "Trailing stop", "Take-profit limit"… */
export function typeLabel(o: Pick<Order, "type" | "trailing_delta">): string {
  const trailing = o.trailing_delta != null;
  switch (o.type) {
    case "MARKET":
      return "Market";
    case "LIMIT":
      return "Limit";
    case "LIMIT_MAKER":
      return "Post-only limit";
    case "STOP_LOSS":
      return trailing ? "Trailing stop" : "Stop-loss";
    case "TAKE_PROFIT":
      return trailing ? "Trailing take-profit" : "Take-profit";
    case "STOP_LOSS_LIMIT":
      return trailing ? "Trailing stop-limit" : "Stop-limit";
    case "TAKE_PROFIT_LIMIT":
      return trailing ? "Trailing take-profit limit" : "Take-profit limit";
  }
}

/** Whether the order waits for a trigger (stop, take-profit, their limit forms, trailing). */
export const hasTrigger = (t: OrderType): boolean => isStop(t) || t === "STOP_LOSS_LIMIT" || t === "TAKE_PROFIT_LIMIT";

/** Basis points as a percentage text: 150 -> "1.5 %". */
export function bipsLabel(bips: number): string {
  return `${(bips / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })} %`;
}
