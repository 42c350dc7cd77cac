"use client";
// Draws the user's open orders on the candle series as price lines (lightweight-charts
// `createPriceLine`), updating them in place when orders change; re-renders on order changes only, never
// on a tick. The same lines are listed for screen readers (the chart itself is a canvas), and the prices
// the chart actually holds are written to the box's `data-order-lines` for tests.
import { useEffect, useMemo, useRef, type RefObject } from "react";
import type { IPriceLine, ISeriesApi, LineStyle } from "lightweight-charts";
import { formatPrice } from "@/components/format/format-number";
import { useOpenOrders } from "@/components/orders/use-open-orders";
import { orderLines } from "./order-lines";

const DASHED = 2 as LineStyle;
const DOTTED = 1 as LineStyle;

interface Props {
  /** the candle series once the chart exists */
  series: ISeriesApi<"Candlestick"> | null;
  symbol: string;
  box: RefObject<HTMLDivElement | null>;
}

export function OrderPriceLines({ series, symbol, box }: Props) {
  const { data } = useOpenOrders();
  const lines = useMemo(() => orderLines(data?.orders ?? [], symbol), [data, symbol]);
  const drawn = useRef<{ series: ISeriesApi<"Candlestick"> | null; byKey: Map<string, IPriceLine> }>({ series: null, byKey: new Map() });

  useEffect(() => {
    if (!series) return;
    const state = drawn.current;
    if (state.series !== series) drawn.current = { series, byKey: new Map() };
    const byKey = drawn.current.byKey;
    const wanted = new Set(lines.map((l) => l.key));
    for (const [key, line] of byKey) {
      if (!wanted.has(key)) {
        series.removePriceLine(line);
        byKey.delete(key);
      }
    }
    for (const l of lines) {
      const options = { price: l.price, color: l.color, title: l.title, lineWidth: 1 as const, lineStyle: l.dotted ? DOTTED : DASHED, axisLabelVisible: true };
      const existing = byKey.get(l.key);
      if (existing) existing.applyOptions(options);
      else byKey.set(l.key, series.createPriceLine(options));
    }
    if (box.current) box.current.dataset.orderLines = series.priceLines().map((p) => p.options().price).join(" ");
  }, [series, lines, box]);

  if (lines.length === 0) return null;
  return (
    <ul className="visually-hidden" aria-label={`Your open orders on the ${symbol} chart`}>
      {lines.map((l) => (
        <li key={l.key}>
          {l.title} at {formatPrice(l.price)}
        </li>
      ))}
    </ul>
  );
}
