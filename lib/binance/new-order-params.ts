// The parameters of POST /api/v3/order and order/test (binance-api.md §6) as the core's order request:
// Binance's codes for a missing (-1102), malformed (-1100, -1111) or unknown enum (-1115/-1116/-1117)
// parameter, -1106 for one the type does not take, -2010 for what is not offered (iceberg, pegs, STP).
import type { Pair } from "@/lib/markets";
import { CLIENT_ORDER_ID } from "@/lib/trading/client-order-id";
import type { PlaceOrderInput } from "@/lib/trading/place-order";
import { ORDER_TYPES, TIME_IN_FORCE, hasLimitPrice, isStopType, type OrderType, type Side } from "@/lib/trading/order-types";
import { BinanceError, illegalCharacters, MSG } from "./errors";
import type { BinanceParams } from "./params";
import type { OrderRespType } from "./present-order";

export const SIDES: readonly Side[] = ["BUY", "SELL"];
const RESP_TYPES: readonly OrderRespType[] = ["ACK", "RESULT", "FULL"];

export type NewOrder = Omit<PlaceOrderInput, "portfolio"> & { respType: OrderRespType };

/** A client order id parameter: Binance's pattern, else -1100. */
export function clientOrderIdParam(p: BinanceParams, name: string): string | undefined {
  const v = p.get(name);
  if (v !== undefined && !CLIENT_ORDER_ID.test(v)) throw illegalCharacters(name);
  return v;
}

/** What this product does not offer, refused as Binance refuses an unsupported order. */
export function refuseUnsupported(p: BinanceParams): void {
  const iceberg = p.decimal("icebergQty");
  if (iceberg !== undefined && iceberg > 0n) throw new BinanceError(-2010, "Iceberg orders are not supported for this symbol.");
  if (p.has("pegPriceType") || p.has("pegOffsetValue") || p.has("pegOffsetType")) throw new BinanceError(-2010, "Pegged orders are not supported.");
  const stp = p.get("selfTradePreventionMode");
  if (stp !== undefined && stp !== "NONE") throw new BinanceError(-2010, "This self-trade prevention mode is not supported.");
}

export function parseNewOrder(p: BinanceParams): NewOrder & { pair: Pair } {
  const pair = p.symbol();
  const side = p.requiredOneOf("side", SIDES, () => new BinanceError(-1117, MSG.badSide));
  const type: OrderType = p.requiredOneOf("type", ORDER_TYPES, () => new BinanceError(-1116, MSG.badType));
  const timeInForce = p.oneOf("timeInForce", TIME_IN_FORCE, () => new BinanceError(-1115, MSG.badTimeInForce));
  const respType = p.oneOf("newOrderRespType", RESP_TYPES, () => illegalCharacters("newOrderRespType"));
  const quantity = p.decimal("quantity");
  const quoteOrderQty = p.decimal("quoteOrderQty");
  const price = p.decimal("price");
  const stopPrice = p.decimal("stopPrice");
  const trailingDelta = p.int("trailingDelta");
  const clientOrderId = clientOrderIdParam(p, "newClientOrderId");
  refuseUnsupported(p);

  if (type === "MARKET") {
    if (quantity === undefined && quoteOrderQty === undefined) {
      throw new BinanceError(-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
    }
    if (quantity !== undefined) p.refuse("quoteOrderQty");
    p.refuse("price", "stopPrice", "trailingDelta", "timeInForce");
  } else {
    p.refuse("quoteOrderQty");
    p.required("quantity");
    if (hasLimitPrice(type)) p.required("price");
    else p.refuse("price");
    if (type === "LIMIT" || type === "STOP_LOSS_LIMIT" || type === "TAKE_PROFIT_LIMIT") p.required("timeInForce");
    else p.refuse("timeInForce");
    if (isStopType(type)) {
      if (stopPrice === undefined && trailingDelta === undefined) {
        throw new BinanceError(-1102, "Param 'stopPrice' or 'trailingDelta' must be sent, but both were empty/null!");
      }
    } else p.refuse("stopPrice", "trailingDelta");
  }
  return {
    pair, side, type, amount: quantity, quoteAmount: quoteOrderQty, price, stopPrice, trailingDelta, timeInForce, clientOrderId,
    respType: respType ?? (type === "MARKET" || type === "LIMIT" ? "FULL" : "ACK"),
  };
}
