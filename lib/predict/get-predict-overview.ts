// The Predict page's data: recent daily candles of a pair and its forecast for every horizon (or the
// reason there is none), read from the model cache and the Kline table; never from Binance.
import { DomainError } from "@/lib/domain-error";
import { findPair } from "@/lib/markets";
import type { Candle } from "@/lib/predict/candle";
import { HORIZONS, type Horizon } from "@/lib/predict/horizons";
import { getPrediction, type PredictionResult } from "@/lib/predict/get-prediction";
import { loadDailyCandles } from "@/lib/predict/kline-history";

export type HorizonForecast = { horizon: Horizon; prediction: PredictionResult } | { horizon: Horizon; unavailable: string };

export interface PredictOverview {
  symbol: string;
  candles: Candle[];
  forecasts: HorizonForecast[];
}

/** Recent candles (default 60) and the 1d/3d/1w forecasts of a pair; unknown pairs throw UNKNOWN_PAIR. */
export async function getPredictOverview(input: { symbol: string; candles?: number }): Promise<PredictOverview> {
  const pair = findPair(input.symbol);
  if (!pair) throw new DomainError("UNKNOWN_PAIR", `Unknown pair ${input.symbol.toUpperCase()}`);
  const forecasts = await Promise.all(
    HORIZONS.map(async (horizon): Promise<HorizonForecast> => {
      try {
        return { horizon, prediction: await getPrediction({ symbol: pair.symbol, time: horizon }) };
      } catch (e) {
        if (e instanceof DomainError && e.code === "NO_MODEL") return { horizon, unavailable: e.message };
        throw e;
      }
    }),
  );
  const candles = await loadDailyCandles(pair.symbol, { limit: input.candles ?? 60 });
  return { symbol: pair.symbol, candles, forecasts };
}
