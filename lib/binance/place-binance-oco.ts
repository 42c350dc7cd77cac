// POST /api/v3/orderList/oco – Binance's OCO (aboveType/belowType legs, binance-api.md §7) as the core's
// OCO (lib/trading/place-oco-order.ts): a LIMIT_MAKER leg and a STOP_LOSS or STOP_LOSS_LIMIT leg under
// one lock. SELL: above LIMIT_MAKER, below the stop; BUY: above the stop, below LIMIT_MAKER. Other leg
// types are not offered (-2010). Binance's price rules are the core's (-2010 via PRICE_RELATIONSHIP).
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { placeOcoOrder } from "@/lib/trading/place-oco-order";
import { TIME_IN_FORCE, type TimeInForce } from "@/lib/trading/order-types";
import { BinanceError, MSG } from "./errors";
import { checkFilters } from "./order-filters";
import { clientOrderIdParam, refuseUnsupported, SIDES } from "./new-order-params";
import type { BinanceParams } from "./params";
import { presentOrderList } from "./present-order-list";

const LEG_TYPES = ["LIMIT_MAKER", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"] as const;

export function parseOco(p: BinanceParams) {
  const pair = p.symbol();
  const side = p.requiredOneOf("side", SIDES, new BinanceError(-1117, MSG.badSide));
  const quantity = p.requiredDecimal("quantity");
  const aboveType = p.requiredOneOf("aboveType", LEG_TYPES, new BinanceError(-1116, MSG.badType));
  const belowType = p.requiredOneOf("belowType", LEG_TYPES, new BinanceError(-1116, MSG.badType));
  refuseUnsupported(p);
  p.refuse("aboveIcebergQty", "belowIcebergQty", "abovePegPriceType", "belowPegPriceType");
  const [limitLeg, stopLeg, stopType] = side === "SELL" ? (["above", "below", belowType] as const) : (["below", "above", aboveType] as const);
  const limitType = side === "SELL" ? aboveType : belowType;
  if (limitType !== "LIMIT_MAKER" || (stopType !== "STOP_LOSS" && stopType !== "STOP_LOSS_LIMIT")) {
    throw new BinanceError(-2010, `OCO legs offered here: a ${side} needs ${side === "SELL" ? "aboveType" : "belowType"}=LIMIT_MAKER and ${side === "SELL" ? "belowType" : "aboveType"}=STOP_LOSS or STOP_LOSS_LIMIT.`);
  }
  const price = p.requiredDecimal(`${limitLeg}Price`);
  p.refuse(`${limitLeg}StopPrice`, `${limitLeg}TrailingDelta`, `${limitLeg}TimeInForce`);
  const trailingDelta = p.int(`${stopLeg}TrailingDelta`);
  const stopPrice = p.decimal(`${stopLeg}StopPrice`);
  if (stopPrice === undefined) {
    // the core's OCO stop leg needs its stop price (a trailing leg trails from it)
    p.required(`${stopLeg}StopPrice`);
  }
  let stopLimitPrice: bigint | undefined;
  let timeInForce: TimeInForce | undefined;
  if (stopType === "STOP_LOSS_LIMIT") {
    stopLimitPrice = p.requiredDecimal(`${stopLeg}Price`);
    timeInForce = p.requiredOneOf(`${stopLeg}TimeInForce`, TIME_IN_FORCE, new BinanceError(-1115, MSG.badTimeInForce));
  } else p.refuse(`${stopLeg}Price`, `${stopLeg}TimeInForce`);
  const legIds: [string | undefined, string | undefined] = [clientOrderIdParam(p, `${limitLeg}ClientOrderId`), clientOrderIdParam(p, `${stopLeg}ClientOrderId`)];
  return {
    pair, side, amount: quantity, price, stopPrice: stopPrice as bigint, stopLimitPrice, trailingDelta, timeInForce,
    clientOrderId: clientOrderIdParam(p, "listClientOrderId"),
    legClientOrderIds: legIds[0] !== undefined || legIds[1] !== undefined ? legIds : undefined,
  };
}

export type OcoRequest = ReturnType<typeof parseOco>;

export async function placeBinanceOco({ portfolio, oco, beforeLedger }: { portfolio: PortfolioScope; oco: OcoRequest; beforeLedger: () => void }) {
  const last = (await getFreshPrice(oco.pair.symbol)).price;
  checkFilters({ pair: oco.pair, market: false, quantity: oco.amount, price: oco.price, trailingDelta: oco.trailingDelta }, last);
  checkFilters({ pair: oco.pair, market: false, quantity: oco.amount, price: oco.stopLimitPrice, stopPrice: oco.stopPrice, trailingDelta: oco.trailingDelta }, last);
  beforeLedger();
  const { orders } = await placeOcoOrder({ ...oco, portfolio });
  return presentOrderList(orders, "new");
}
