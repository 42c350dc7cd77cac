// POST /api/v3/orderList/oco – Binance's OCO (aboveType/belowType legs, binance-api.md §7) as the core's
// OCO (lib/trading/place-oco-order.ts): a profit leg (LIMIT_MAKER, TAKE_PROFIT or TAKE_PROFIT_LIMIT) and a
// STOP_LOSS or STOP_LOSS_LIMIT leg under one lock. SELL: the profit leg above, the stop below; BUY: the
// stop above, the profit leg below. Other pairings are refused (-2010), as Binance does. Binance's price
// rules are the core's (-2010 via PRICE_RELATIONSHIP): SELL profit > last > stop, BUY profit < last < stop,
// a take-profit leg by its stop price.
import type { PortfolioScope } from "@/lib/portfolio/portfolio-scope";
import { getFreshPrice } from "@/lib/market/get-fresh-price";
import { placeOcoOrder, type TakeProfitLeg } from "@/lib/trading/place-oco-order";
import { TIME_IN_FORCE, type TimeInForce } from "@/lib/trading/order-types";
import { BinanceError, MSG } from "./errors";
import { checkFilters } from "./order-filters";
import { clientOrderIdParam, refuseUnsupported, SIDES } from "./new-order-params";
import type { BinanceParams } from "./params";
import { presentOrderList } from "./present-order-list";

const LEG_TYPES = ["LIMIT_MAKER", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"] as const;
type LegType = (typeof LEG_TYPES)[number];
const PROFIT_TYPES: readonly LegType[] = ["LIMIT_MAKER", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"];
const STOP_TYPES: readonly LegType[] = ["STOP_LOSS", "STOP_LOSS_LIMIT"];

const timeInForceOf = (p: BinanceParams, name: string): TimeInForce =>
  p.requiredOneOf(name, TIME_IN_FORCE, () => new BinanceError(-1115, MSG.badTimeInForce));

/** The profit leg's parameters (`leg` = "above" | "below"), each type taking what it takes as POST order does. */
function profitLegOf(p: BinanceParams, leg: string, type: LegType): { price: bigint; takeProfit?: TakeProfitLeg } {
  if (type === "LIMIT_MAKER") {
    p.refuse(`${leg}StopPrice`, `${leg}TrailingDelta`, `${leg}TimeInForce`);
    return { price: p.requiredDecimal(`${leg}Price`) };
  }
  // a take-profit leg needs its stop price here, as the stop leg does (a trailing one trails from it)
  const stopPrice = p.requiredDecimal(`${leg}StopPrice`);
  const trailingDelta = p.int(`${leg}TrailingDelta`);
  if (type === "TAKE_PROFIT") {
    p.refuse(`${leg}Price`, `${leg}TimeInForce`);
    return { price: stopPrice, takeProfit: { type, stopPrice, trailingDelta } };
  }
  const price = p.requiredDecimal(`${leg}Price`);
  return { price, takeProfit: { type: "TAKE_PROFIT_LIMIT", stopPrice, price, timeInForce: timeInForceOf(p, `${leg}TimeInForce`), trailingDelta } };
}

export function parseOco(p: BinanceParams) {
  const pair = p.symbol();
  const side = p.requiredOneOf("side", SIDES, () => new BinanceError(-1117, MSG.badSide));
  const quantity = p.requiredDecimal("quantity");
  const aboveType = p.requiredOneOf("aboveType", LEG_TYPES, () => new BinanceError(-1116, MSG.badType));
  const belowType = p.requiredOneOf("belowType", LEG_TYPES, () => new BinanceError(-1116, MSG.badType));
  refuseUnsupported(p);
  p.refuse("aboveIcebergQty", "belowIcebergQty", "abovePegPriceType", "belowPegPriceType");
  const [profitLeg, stopLeg] = side === "SELL" ? (["above", "below"] as const) : (["below", "above"] as const);
  const [profitType, stopType] = side === "SELL" ? [aboveType, belowType] : [belowType, aboveType];
  if (!PROFIT_TYPES.includes(profitType) || !STOP_TYPES.includes(stopType)) {
    throw new BinanceError(
      -2010,
      `A ${side} OCO needs ${profitLeg}Type=LIMIT_MAKER, TAKE_PROFIT or TAKE_PROFIT_LIMIT and ${stopLeg}Type=STOP_LOSS or STOP_LOSS_LIMIT.`,
    );
  }
  const { price, takeProfit } = profitLegOf(p, profitLeg, profitType);
  const trailingDelta = p.int(`${stopLeg}TrailingDelta`);
  // the core's OCO stop leg needs its stop price (a trailing leg trails from it)
  const stopPrice = p.requiredDecimal(`${stopLeg}StopPrice`);
  let stopLimitPrice: bigint | undefined;
  let timeInForce: TimeInForce | undefined;
  if (stopType === "STOP_LOSS_LIMIT") {
    stopLimitPrice = p.requiredDecimal(`${stopLeg}Price`);
    timeInForce = timeInForceOf(p, `${stopLeg}TimeInForce`);
  } else p.refuse(`${stopLeg}Price`, `${stopLeg}TimeInForce`);
  const legIds: [string | undefined, string | undefined] = [clientOrderIdParam(p, `${profitLeg}ClientOrderId`), clientOrderIdParam(p, `${stopLeg}ClientOrderId`)];
  return {
    pair, side, amount: quantity, price, takeProfit, stopPrice, stopLimitPrice, trailingDelta, timeInForce,
    clientOrderId: clientOrderIdParam(p, "listClientOrderId"),
    legClientOrderIds: legIds[0] !== undefined || legIds[1] !== undefined ? legIds : undefined,
  };
}

export type OcoRequest = ReturnType<typeof parseOco>;

export async function placeBinanceOco({ portfolio, oco, beforeLedger }: { portfolio: PortfolioScope; oco: OcoRequest; beforeLedger: () => void }) {
  const last = (await getFreshPrice(oco.pair.symbol)).price;
  const tp = oco.takeProfit;
  checkFilters(
    tp
      ? { pair: oco.pair, market: false, quantity: oco.amount, price: tp.type === "TAKE_PROFIT_LIMIT" ? tp.price : undefined, stopPrice: tp.stopPrice, trailingDelta: tp.trailingDelta }
      : { pair: oco.pair, market: false, quantity: oco.amount, price: oco.price },
    last,
  );
  checkFilters({ pair: oco.pair, market: false, quantity: oco.amount, price: oco.stopLimitPrice, stopPrice: oco.stopPrice, trailingDelta: oco.trailingDelta }, last);
  beforeLedger();
  const { orders } = await placeOcoOrder({ ...oco, portfolio });
  return presentOrderList(orders, "new");
}
