// Recent daily candles as a plain server-rendered SVG (no client JavaScript), with each horizon's
// forecast drawn to the right of the last candle: a fan of the 95% and 80% ranges widening from the last close
// through the horizons, a bar for each 80% range and a dot for the predicted close.
import type { Candle } from "@/lib/predict/candle";
import styles from "./predict.module.css";

export interface ChartForecast {
  label: string;
  /** candles after the last one */
  steps: number;
  prediction: number;
  low: number;
  high: number;
  /** 2.5% and 97.5% quantiles, when the model has them */
  outerLow?: number;
  outerHigh?: number;
}

const W = 720;
const H = 300;
const PAD = { left: 8, right: 64, top: 12, bottom: 24 };

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v.toPrecision(4));

/** Candlestick chart of `candles` plus forecasts; `summary` is read out to screen readers. */
export function CandleChart({ candles, forecasts, summary }: { candles: Candle[]; forecasts: ChartForecast[]; summary: string }) {
  if (candles.length === 0) return <p className={styles.muted}>No daily candles cached yet.</p>;
  const slots = candles.length + Math.max(0, ...forecasts.map((f) => f.steps)) + 1;
  const lows = [...candles.map((c) => c.low), ...forecasts.map((f) => Math.min(f.low, f.outerLow ?? f.low))];
  const highs = [...candles.map((c) => c.high), ...forecasts.map((f) => Math.max(f.high, f.outerHigh ?? f.high))];
  const min = Math.min(...lows);
  const max = Math.max(...highs);
  const span = max - min || 1;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + ((i + 0.5) / slots) * plotW;
  const y = (v: number) => PAD.top + (1 - (v - min) / span) * plotH;
  const body = Math.max(1, (plotW / slots) * 0.6);
  const ticks = [min, min + span / 2, max];
  const last = candles.length - 1;
  const firstDay = new Date(candles[0]!.openTime).toISOString().slice(0, 10);
  const lastDay = new Date(candles[last]!.openTime).toISOString().slice(0, 10);
  const byStep = [...forecasts].sort((a, b) => a.steps - b.steps);
  const fan = (lo: (f: ChartForecast) => number, hi: (f: ChartForecast) => number) => {
    const origin = `${x(last)},${y(candles[last]!.close)}`;
    const up = byStep.map((f) => `${x(last + f.steps)},${y(hi(f))}`);
    const down = byStep.map((f) => `${x(last + f.steps)},${y(lo(f))}`).reverse();
    return [origin, ...up, ...down].join(" ");
  };
  const hasOuter = byStep.length > 0 && byStep.every((f) => f.outerLow !== undefined && f.outerHigh !== undefined);

  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="none">
        {/* One string: React's server renderer drops a <title> of several text children, and hydration fails (#418). */}
        <title id="chart-title">{`Daily candles ${firstDay} to ${lastDay}`}</title>
        <desc id="chart-desc">{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className={styles.grid} />
            <text x={W - PAD.right + 4} y={y(t) + 4} className={styles.axis}>
              {fmt(t)}
            </text>
          </g>
        ))}
        {candles.map((c, i) => {
          const up = c.close >= c.open;
          return (
            <g key={c.openTime} className={up ? styles.up : styles.down}>
              <line x1={x(i)} x2={x(i)} y1={y(c.high)} y2={y(c.low)} />
              <rect x={x(i) - body / 2} y={y(Math.max(c.open, c.close))} width={body} height={Math.max(1, Math.abs(y(c.open) - y(c.close)))} />
            </g>
          );
        })}
        {hasOuter && <polygon points={fan((f) => f.outerLow!, (f) => f.outerHigh!)} className={styles.fanOuter} />}
        {byStep.length > 0 && <polygon points={fan((f) => f.low, (f) => f.high)} className={styles.fanInner} />}
        {forecasts.map((f) => (
          <g key={f.label} className={styles.forecast}>
            <line x1={x(last)} x2={x(last + f.steps)} y1={y(candles[last]!.close)} y2={y(f.prediction)} strokeDasharray="3 3" />
            <line x1={x(last + f.steps)} x2={x(last + f.steps)} y1={y(f.high)} y2={y(f.low)} strokeWidth={3} />
            <circle cx={x(last + f.steps)} cy={y(f.prediction)} r={4} />
            <text x={x(last + f.steps)} y={H - 6} textAnchor="middle" className={styles.axis}>
              {f.label}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 6} className={styles.axis}>
          {firstDay}
        </text>
      </svg>
      <figcaption className={styles.muted}>
        Daily candles (green up, red down). Right of the last candle: the fan of likely closes (dark: 80% range, light: 95% range), the
        80% range of each horizon (bar) and the network's forecast close (dot).
      </figcaption>
    </figure>
  );
}
