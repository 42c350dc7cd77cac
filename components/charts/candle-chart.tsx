"use client";
// Candlestick chart of a pair (lightweight-charts, loaded only in the browser and only here) with
// SMA(10) and EMA(25) overlays and volume, and the user's open orders as price lines. Live ticks update
// the last candle straight through the chart API, without React state, so a tick repaints the canvas and
// re-renders nothing.
import { useEffect, useRef, useState } from "react";
import type { IChartApi, ISeriesApi, UTCTimestamp } from "lightweight-charts";
import { getQuote, subscribeSymbol } from "@/components/live/market-socket";
import { apiFetch } from "@/components/data/api-fetch";
import { ema, nextEma, sma } from "./indicators";
import { OrderPriceLines } from "./order-price-lines";
import styles from "./candle-chart.module.css";

export const CHART_INTERVALS = ["15m", "1h", "12h", "1d", "1w"] as const;
type Interval = (typeof CHART_INTERVALS)[number];
const INTERVAL_S: Record<Interval, number> = { "15m": 900, "1h": 3600, "12h": 43_200, "1d": 86_400, "1w": 604_800 };
const SMA_N = 10;
const EMA_N = 25;
const UP = "#34c77b";
const DOWN = "#ff6b6b";

type KlineRow = [number, number, number, number, number, number];
interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}
interface Series {
  chart: IChartApi;
  candles: ISeriesApi<"Candlestick">;
  sma: ISeriesApi<"Line">;
  ema: ISeriesApi<"Line">;
  volume: ISeriesApi<"Histogram">;
}

const t = (s: number) => s as UTCTimestamp;
const volColor = (c: Candle) => (c.close >= c.open ? "rgba(52,199,123,0.45)" : "rgba(255,107,107,0.45)");

// Whole series from candles; the overlays skip the first candles that have no value yet.
function draw(s: Series, candles: Candle[]): void {
  const closes = candles.map((c) => c.close);
  const smaV = sma(closes, SMA_N);
  const emaV = ema(closes, EMA_N);
  s.candles.setData(candles.map((c) => ({ time: t(c.time), open: c.open, high: c.high, low: c.low, close: c.close })));
  s.volume.setData(candles.map((c) => ({ time: t(c.time), value: c.volume, color: volColor(c) })));
  s.sma.setData(candles.flatMap((c, i) => (smaV[i] == null ? [] : [{ time: t(c.time), value: smaV[i] }])));
  s.ema.setData(candles.flatMap((c, i) => (emaV[i] == null ? [] : [{ time: t(c.time), value: emaV[i] }])));
}

/** Chart with interval buttons; `symbol` is the selected pair. */
export function CandleChart({ symbol }: { symbol: string }) {
  const box = useRef<HTMLDivElement>(null);
  const series = useRef<Series | null>(null);
  const candlesRef = useRef<Candle[]>([]);
  const [ready, setReady] = useState(false);
  const [candleSeries, setCandleSeries] = useState<ISeriesApi<"Candlestick"> | null>(null);
  const [interval, setInterval] = useState<Interval>("1h");
  const [state, setState] = useState<"loading" | "ok" | "empty" | "error">("loading");

  // Create the chart once; the library is a separate chunk so the page shell is not waiting for it.
  useEffect(() => {
    let disposed = false;
    let chart: IChartApi | undefined;
    void import("lightweight-charts").then((lc) => {
      if (disposed || !box.current) return;
      chart = lc.createChart(box.current, {
        autoSize: true,
        layout: { background: { color: "#121821" }, textColor: "#9fb0c3", fontFamily: "system-ui, sans-serif", attributionLogo: false },
        grid: { vertLines: { color: "#1d2633" }, horzLines: { color: "#1d2633" } },
        rightPriceScale: { borderColor: "#2a3545" },
        timeScale: { borderColor: "#2a3545", timeVisible: true, rightOffset: 4 },
      });
      const candles = chart.addSeries(lc.CandlestickSeries, { upColor: UP, downColor: DOWN, borderVisible: false, wickUpColor: UP, wickDownColor: DOWN });
      const volume = chart.addSeries(lc.HistogramSeries, { priceScaleId: "vol", priceFormat: { type: "volume" }, lastValueVisible: false, priceLineVisible: false });
      chart.priceScale("vol").applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
      const line = { lineWidth: 2 as const, lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false };
      const smaS = chart.addSeries(lc.LineSeries, { ...line, color: "#ffd66b" });
      const emaS = chart.addSeries(lc.LineSeries, { ...line, color: "#4ea1ff" });
      series.current = { chart, candles, volume, sma: smaS, ema: emaS };
      setCandleSeries(candles);
      setReady(true);
    });
    return () => {
      disposed = true;
      series.current = null;
      setCandleSeries(null);
      chart?.remove();
    };
  }, []);

  // History for the pair and interval.
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    setState("loading");
    apiFetch<{ klines: KlineRow[] }>(`/api/klines?symbol=${symbol}&interval=${interval}&limit=300`)
      .then(({ klines }) => {
        const s = series.current;
        if (cancelled || !s) return;
        const candles = klines.map(([ms, open, high, low, close, volume]) => ({ time: Math.floor(ms / 1000), open, high, low, close, volume }));
        candlesRef.current = candles;
        draw(s, candles);
        s.chart.timeScale().fitContent();
        setState(candles.length ? "ok" : "empty");
      })
      .catch(() => !cancelled && setState("error"));
    return () => {
      cancelled = true;
    };
  }, [ready, symbol, interval]);

  // Live ticks: extend or start the last candle and move the overlays' last points.
  useEffect(() => {
    if (!ready) return;
    return subscribeSymbol(symbol, () => {
      const s = series.current;
      const q = getQuote(symbol);
      const candles = candlesRef.current;
      if (!s || !q || !q.time || candles.length === 0) return;
      const len = INTERVAL_S[interval];
      const open = Math.floor(q.time / 1000 / len) * len;
      const last = candles[candles.length - 1] as Candle;
      if (open < last.time) return;
      let c: Candle;
      if (open === last.time) {
        c = { ...last, close: q.price, high: Math.max(last.high, q.price), low: Math.min(last.low, q.price) };
        candles[candles.length - 1] = c;
      } else {
        c = { time: open, open: last.close, high: Math.max(last.close, q.price), low: Math.min(last.close, q.price), close: q.price, volume: 0 };
        candles.push(c);
      }
      s.candles.update({ time: t(c.time), open: c.open, high: c.high, low: c.low, close: c.close });
      s.volume.update({ time: t(c.time), value: c.volume, color: volColor(c) });
      const n = candles.length;
      if (n >= SMA_N) s.sma.update({ time: t(c.time), value: candles.slice(n - SMA_N).reduce((a, x) => a + x.close, 0) / SMA_N });
      if (n > EMA_N) {
        const prev = ema(candles.slice(0, n - 1).map((x) => x.close), EMA_N).at(-1);
        if (prev != null) s.ema.update({ time: t(c.time), value: nextEma(prev, c.close, EMA_N) });
      }
    });
  }, [ready, symbol, interval]);

  return (
    <section className={`card ${styles.card}`} aria-labelledby="chart-title">
      <div className={styles.head}>
        <h2 id="chart-title">{symbol} chart</h2>
        <div role="group" aria-label="Candle interval" className={styles.intervals}>
          {CHART_INTERVALS.map((i) => (
            <button key={i} type="button" className="btn btn-small" aria-pressed={interval === i} onClick={() => setInterval(i)}>
              {i}
            </button>
          ))}
        </div>
      </div>
      <p className={styles.legend}>
        <span className={styles.sma}>SMA 10</span> <span className={styles.ema}>EMA 25</span> <span className="muted">Volume at the bottom · dashed lines: your open orders</span>
      </p>
      <div className={styles.box} ref={box} role="img" aria-label={`Candlestick chart of ${symbol}, ${interval} candles`}>
        {state !== "ok" && (
          <div className={styles.overlay} data-state={state}>
            {state === "loading" && "Loading candles…"}
            {state === "empty" && "No candles recorded for this pair and interval yet."}
            {state === "error" && "Candles are unavailable right now."}
          </div>
        )}
      </div>
      <OrderPriceLines series={candleSeries} symbol={symbol} box={box} />
    </section>
  );
}
