"use client";
// One live price: re-renders on its own symbol's ticks only, coloured by the last move.
import { formatPrice } from "@/components/format/format-number";
import { useQuote } from "@/components/live/use-live";

/** The last trade price of `symbol`, green after an up-tick, red after a down-tick. */
export function LivePrice({ symbol, className = "" }: { symbol: string; className?: string }) {
  const q = useQuote(symbol);
  const dir = q?.direction === "up" ? "up" : q?.direction === "down" ? "down" : "";
  return (
    <span className={`num ${dir} ${className}`} data-testid={`price-${symbol}`}>
      {formatPrice(q?.price)}
      {dir && <span className="visually-hidden">{dir === "up" ? " (rising)" : " (falling)"}</span>}
    </span>
  );
}
