// Which order or order list a request names: symbol plus orderId | origClientOrderId, or
// orderListId | listClientOrderId (Binance's -1102 when neither is sent).
import { BinanceError } from "./errors";
import type { BinanceParams } from "./params";
import { clientOrderIdParam } from "./new-order-params";

export function orderHandle(p: BinanceParams) {
  const pair = p.symbol();
  const orderId = p.int("orderId");
  const clientOrderId = orderId === undefined ? clientOrderIdParam(p, "origClientOrderId") : undefined;
  if (orderId === undefined && clientOrderId === undefined) {
    throw new BinanceError(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
  }
  return { pair, orderId, clientOrderId };
}

export function orderListHandle(p: BinanceParams) {
  const symbol = p.symbol().symbol;
  const orderListId = p.int("orderListId");
  const listClientOrderId = orderListId === undefined ? clientOrderIdParam(p, "listClientOrderId") : undefined;
  if (orderListId === undefined && listClientOrderId === undefined) {
    throw new BinanceError(-1102, "Param 'listClientOrderId' or 'orderListId' must be sent, but both were empty/null!");
  }
  return { symbol, orderListId, listClientOrderId };
}

/** GET orderList: orderListId | origClientOrderId (the list's client id), no symbol. */
export function orderListQueryHandle(p: BinanceParams) {
  const orderListId = p.int("orderListId");
  const listClientOrderId = orderListId === undefined ? clientOrderIdParam(p, "origClientOrderId") : undefined;
  if (orderListId === undefined && listClientOrderId === undefined) {
    throw new BinanceError(-1102, "Param 'origClientOrderId' or 'orderListId' must be sent, but both were empty/null!");
  }
  return { orderListId, listClientOrderId };
}
