// /predict – recent candles of a pair, the model's forecast close with its interval for 1d, 3d and 1w,
// and in plain words how the model has done against "no change". Reads through lib/predict use cases.
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { LEARN_LINKS } from "@/lib/learn/article-links";
import { findPair, PAIRS, QUOTE_COIN } from "@/lib/markets";
import { getPredictOverview } from "@/lib/predict/get-predict-overview";
import { describeAccuracy } from "@/lib/predict/describe-accuracy";
import { describeRange } from "@/lib/predict/describe-range";
import { HORIZON_STEPS, type Horizon } from "@/lib/predict/horizons";
import { CandleChart, type ChartForecast } from "./candle-chart";
import styles from "./predict.module.css";

export const metadata: Metadata = { title: "Predict" };
export const dynamic = "force-dynamic";

const HORIZON_WORDS: Record<Horizon, string> = { "1d": "one day", "3d": "three days", "1w": "one week" };
const TABS = PAIRS.filter((p) => p.quote === QUOTE_COIN).map((p) => p.symbol);

const price = (v: number) => v.toLocaleString("en-US", { maximumSignificantDigits: 6 });
const pct = (v: number) => `${v >= 0 ? "+" : ""}${(v * 100).toFixed(2)}%`;

export default async function PredictPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).symbol;
  const pair = findPair(typeof raw === "string" ? raw : "BTCUSDT");
  if (!pair) notFound();
  const { symbol, candles, forecasts } = await getPredictOverview({ symbol: pair.symbol });

  const chartForecasts: ChartForecast[] = forecasts.flatMap((f) =>
    "prediction" in f
      ? [
          {
            label: f.horizon,
            steps: HORIZON_STEPS[f.horizon],
            prediction: f.prediction.prediction,
            low: f.prediction.interval.low,
            high: f.prediction.interval.high,
            outerLow: f.prediction.quantiles?.p2_5,
            outerHigh: f.prediction.quantiles?.p97_5,
          },
        ]
      : [],
  );
  const last = candles.at(-1);
  const summary = last
    ? `${candles.length} daily candles of ${symbol}; last close ${price(last.close)}. ` +
      chartForecasts.map((f) => `${f.label} forecast ${price(f.prediction)} (80% interval ${price(f.low)} to ${price(f.high)})`).join("; ")
    : `No candles for ${symbol} yet.`;

  return (
    <div className={styles.page}>
      <h1>Price forecasts</h1>
      <nav aria-label="Pair" className={styles.tabs}>
        {TABS.map((s) => (
          <Link key={s} href={`/predict?symbol=${s}`} aria-current={s === symbol ? "page" : undefined} className={styles.tab}>
            {s.replace(QUOTE_COIN, `/${QUOTE_COIN}`)}
          </Link>
        ))}
      </nav>

      <p className={styles.note} role="note">
        <strong>Not financial advice.</strong> These are statistical forecasts trained on past candles, shown for learning. The
        direction of the next move is close to unpredictable (the network does not beat &quot;no change&quot;); the size of the move is
        more predictable, which is what the ranges use. Do not trade real money on them.{" "}
        <Link href={LEARN_LINKS.predictionAccuracy}>How to read the prediction and its accuracy</Link>.
      </p>

      <CandleChart candles={candles} forecasts={chartForecasts} summary={summary} />

      <ul className={styles.cards}>
        {forecasts.map((f) => {
          if (!("prediction" in f)) {
            return (
              <li key={f.horizon} className={styles.card}>
                <h2>Close in {HORIZON_WORDS[f.horizon]}</h2>
                <p className={styles.muted}>{f.unavailable}</p>
              </li>
            );
          }
          const p = f.prediction;
          const words = describeAccuracy(p.model, HORIZON_WORDS[f.horizon]);
          const range = p.quantiles && p.range ? describeRange(p.quantiles, p.range, HORIZON_WORDS[f.horizon]) : null;
          return (
            <li key={f.horizon} className={styles.card}>
              <h2>Close in {HORIZON_WORDS[f.horizon]}</h2>
              <p className={styles.big}>
                {price(p.prediction)} <span className={styles.unit}>{pair.quote}</span>{" "}
                <span className={p.prediction >= p.last_price ? styles.upText : styles.downText}>{pct(p.prediction / p.last_price - 1)}</span>
              </p>
              {range ? (
                <>
                  <p className={styles.range}>{range.range}</p>
                  <p className={styles.muted}>
                    {range.coverage} {range.comparison}
                  </p>
                </>
              ) : null}
              <p>
                80% interval: {price(p.interval.low)} – {price(p.interval.high)}
                <br />
                <span className={styles.muted}>
                  From the close of {p.as_of.slice(0, 10)} ({price(p.last_price)}) to {p.target_time.slice(0, 10)}.
                </span>
              </p>
              <p className={styles.muted}>{words.summary}</p>
              <p className={p.model.beats_naive ? styles.verdict : styles.warning}>{words.verdict}</p>
              <p className={styles.muted}>Model trained {p.model.trained_at.slice(0, 16).replace("T", " ")} UTC.</p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
