// What the form shows before submitting, from the server's preview answer(s): the price used, cost or
// proceeds, the fee (maker or taker), the total and the lock. Exact sums (decimal-units); pure.
import { fromUnits, toUnits } from "@/components/format/decimal-units";
import { formatAmount, formatPrice } from "@/components/format/format-number";
import type { OrderSide, Preview } from "@/components/orders/order";
import type { PairInfo } from "../types";
import type { Kind } from "./order-draft";

export interface SummaryRow {
  label: string;
  value: string;
}
export interface Summary {
  rows: SummaryRow[];
  note: string;
}

// The price a waiting order's cost, fee and lock are reckoned at (the server's preview `price`).
const WAITING_PRICE: Record<Kind, string> = {
  market: "At the last trade",
  limit: "At your limit",
  stop: "Priced at the stop",
  stop_limit: "Priced at the limit",
  trailing: "Priced at the first trigger",
  oco: "At your limit",
};

const pct = (rate: number) => `${(rate * 100).toLocaleString("en-US", { maximumFractionDigits: 4 })} %`;
const feeText = (p: Preview, quote: string) => `${formatAmount(p.fee)} ${quote} (${pct(p.fee_rate)} ${p.maker ? "maker" : "taker"})`;
const lockText = (amount: number, coin: string) => (amount > 0 ? `${formatAmount(amount)} ${coin} until it fills or you cancel` : "nothing: it fills at once");

/** BUY pays cost + fee, SELL receives proceeds - fee. */
export function totalOf(side: OrderSide, p: Pick<Preview, "quote_amount" | "fee">): number {
  const q = toUnits(p.quote_amount);
  const f = toUnits(p.fee);
  return fromUnits(side === "BUY" ? q + f : q - f);
}

function single(kind: Kind, side: OrderSide, p: Preview, pair: PairInfo): Summary {
  const waits = !p.marketable;
  const rows: SummaryRow[] = [
    { label: waits ? WAITING_PRICE[kind] : "At the last trade", value: `${formatPrice(p.price)} ${pair.quote}` },
    { label: "Amount", value: `${formatAmount(p.amount)} ${pair.base}` },
    { label: side === "BUY" ? "Cost" : "Proceeds", value: `${formatAmount(p.quote_amount)} ${pair.quote}` },
    { label: "Fee", value: feeText(p, pair.quote) },
    { label: side === "BUY" ? "You pay" : "You receive", value: `${formatAmount(totalOf(side, p))} ${pair.quote}` },
    { label: "Locked", value: lockText(p.lock.amount, p.lock.coin) },
  ];
  const note = p.marketable
    ? "Fills at once, whole, at the last trade price (taker)."
    : kind === "limit"
      ? "Waits in the book; fills whole at your limit price when a trade reaches it (maker)."
      : kind === "trailing"
        ? "Waits for its trailing trigger; fills at the price of the trade that fires it, so the cost can differ."
        : kind === "stop_limit"
          ? "When a trade reaches the stop it becomes a limit order at your limit price."
          : "Fills at the price of the trade that reaches the stop (gaps included), so the cost can differ.";
  return { rows, note };
}

function oco(side: OrderSide, [limit, stop]: [Preview, Preview], pair: PairInfo): Summary {
  // One lock for both legs: a SELL locks the amount once, a BUY the larger leg's cost and fee.
  const lock = side === "SELL" ? limit.lock.amount : Math.max(limit.lock.amount, stop.lock.amount);
  const leg = (p: Preview) => `${formatAmount(totalOf(side, p))} ${pair.quote} at ${formatPrice(p.price)} (fee ${formatAmount(p.fee)})`;
  return {
    rows: [
      { label: "Amount", value: `${formatAmount(limit.amount)} ${pair.base}` },
      { label: `Limit leg ${side === "BUY" ? "pays" : "receives"}`, value: leg(limit) },
      { label: `Stop leg ${side === "BUY" ? "pays" : "receives"}`, value: leg(stop) },
      { label: "Locked once, for both legs", value: lockText(lock, limit.lock.coin) },
    ],
    note: "Whichever leg fills or fires first wins; the other one expires in the same step.",
  };
}

/** The rows for one preview (or an OCO's two). */
export function summarize(kind: Kind, side: OrderSide, previews: readonly Preview[], pair: PairInfo): Summary | null {
  const [a, b] = previews;
  if (!a) return null;
  if (kind === "oco") return b ? oco(side, [a, b], pair) : null;
  return single(kind, side, a, pair);
}
