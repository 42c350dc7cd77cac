// What a trade costs or yields, with the rounding rules of api.md: costs and fees round up, proceeds
// round down (never in the user's favour). The fee is charged in the quote coin, at the taker rate
// unless the fill is a resting limit's (maker).
import { FEE_RATE_MAKER, FEE_RATE_TAKER } from "@/lib/markets";
import { mulUnits } from "@/lib/money";
import type { Side } from "./order-types";

export interface TradeAmounts {
  /** quote amount before the fee */
  quote: bigint;
  fee: bigint;
  /** BUY: quote + fee to pay; SELL: quote - fee to receive */
  net: bigint;
}

export const feeRate = (maker: boolean): bigint => (maker ? FEE_RATE_MAKER : FEE_RATE_TAKER);

export function tradeAmounts(side: Side, amount: bigint, price: bigint, rate: bigint = FEE_RATE_TAKER): TradeAmounts {
  const quote = mulUnits(amount, price, side === "BUY" ? "up" : "down");
  const fee = mulUnits(quote, rate, "up");
  return { quote, fee, net: side === "BUY" ? quote + fee : quote - fee };
}
