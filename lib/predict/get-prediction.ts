// GET /api/predict – the forecast close of a pair for 1d, 3d or 1w, answered from the in-memory model cache.
import { DomainError } from "@/lib/domain-error";
import { findPair } from "@/lib/markets";
import { HORIZONS, parseHorizon, type Horizon } from "@/lib/predict/horizons";
import { getCachedModel } from "@/lib/predict/model-cache";
import { candlesNeeded } from "@/lib/predict/predict-latest";
import { describeTrainingStatus, getTrainingStatus } from "@/lib/predict/training-status";
import type { RangeScores } from "@/lib/predict/trained-model";

export interface PredictionResult {
  prediction: number;
  symbol: string;
  time: Horizon;
  last_price: number;
  /** ISO time the forecast is made from: the close of the newest complete daily candle */
  as_of: string;
  /** ISO time of the close being predicted */
  target_time: string;
  /** 80% range of the close: the 10% and 90% quantiles below (older models: their recent out-of-sample errors) */
  interval: { low: number; high: number };
  /** forecast distribution of the close (null for a model stored before the range model) */
  quantiles: { p2_5: number; p10: number; p50: number; p90: number; p97_5: number } | null;
  /** how the 80% range did on the walk-forward test, against the fixed range and EWMA volatility (null: older model) */
  range: RangeScores | null;
  model: {
    mae: number;
    naive_mae: number;
    linear_mae: number;
    /** mae / naive_mae: below 1 means better than "no change" */
    ratio: number;
    directional_accuracy: number;
    beats_naive: boolean;
    /** evaluated points of the walk-forward test */
    n: number;
    trained_at: string;
  };
}

// Prices as JSON numbers exact to 8 decimals (api.md); errors in the same unit.
const price = (v: number) => Number(v.toFixed(8));
const ratio = (v: number) => Number(v.toFixed(4));

/** The validated pair and horizon of a request, or a 400 naming the bad field. */
export function parsePredictionQuery(symbol: string | undefined, time: string | undefined): { symbol: string; horizon: Horizon } {
  const pair = symbol ? findPair(symbol.trim()) : undefined;
  if (!symbol?.trim()) throw new DomainError("VALIDATION_FAILED", "symbol is required, e.g. ?symbol=BTCUSDT&time=1d", { symbol: "required" });
  if (!pair) throw new DomainError("UNKNOWN_PAIR", `Unknown pair ${symbol.trim().toUpperCase()}`);
  const horizon = parseHorizon(time ?? "");
  if (!horizon) throw new DomainError("VALIDATION_FAILED", `time must be one of ${HORIZONS.join(", ")}`, { time: `must be one of ${HORIZONS.join(", ")}` });
  return { symbol: pair.symbol, horizon };
}

/** The forecast of a pair and horizon; 400 for a bad symbol or time, 503 NO_MODEL until a model and enough candles exist. */
export async function getPrediction(input: { symbol?: string; time?: string }): Promise<PredictionResult> {
  const { symbol, horizon } = parsePredictionQuery(input.symbol, input.time);
  const cached = await getCachedModel(symbol, horizon);
  if (!cached) {
    const status = describeTrainingStatus(getTrainingStatus());
    throw new DomainError(
      "NO_MODEL",
      status
        ? `No prediction model for ${symbol} ${horizon} yet. ${status}`
        : `No prediction model for ${symbol} ${horizon} yet. The worker trains one by itself once enough daily candles are cached (or run \`npm run train\`).`,
    );
  }
  const s = cached.snapshot;
  const m = cached.loaded.metrics;
  if (!s) {
    throw new DomainError(
      "NO_MODEL",
      `The ${symbol} ${horizon} model needs ${candlesNeeded(cached.loaded.meta.config.window)} complete daily candles and the kline cache has ${cached.candles.length}; the market worker fills it.`,
    );
  }
  return {
    prediction: price(s.prediction),
    symbol,
    time: horizon,
    last_price: price(s.lastPrice),
    as_of: new Date(s.asOf).toISOString(),
    target_time: new Date(s.targetTime).toISOString(),
    interval: { low: price(s.interval.low), high: price(s.interval.high) },
    quantiles: s.quantiles
      ? { p2_5: price(s.quantiles[0]), p10: price(s.quantiles[1]), p50: price(s.quantiles[2]), p90: price(s.quantiles[3]), p97_5: price(s.quantiles[4]) }
      : null,
    range: m.range
      ? {
          n: m.range.n,
          coverage_80: ratio(m.range.coverage_80),
          coverage_95: ratio(m.range.coverage_95),
          interval_score_80: price(m.range.interval_score_80),
          static_coverage_80: ratio(m.range.static_coverage_80),
          static_interval_score_80: price(m.range.static_interval_score_80),
          ewma_coverage_80: ratio(m.range.ewma_coverage_80),
          ewma_interval_score_80: price(m.range.ewma_interval_score_80),
        }
      : null,
    model: {
      mae: price(m.mae),
      naive_mae: price(m.naive_mae),
      linear_mae: price(m.linear_mae),
      ratio: ratio(m.ratio),
      directional_accuracy: ratio(m.directional_accuracy),
      beats_naive: m.beats_naive,
      n: m.n,
      trained_at: cached.loaded.trainedAt.toISOString(),
    },
  };
}
