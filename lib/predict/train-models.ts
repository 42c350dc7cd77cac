// Trains, evaluates and stores the models of several pairs and horizons: `npm run train` and the worker's
// daily retraining both call this. Candles come from the Kline cache unless a loader is given (the CLI
// can read Binance CSVs instead). A pair with too little history is skipped with a reason, not an error.
import { PAIRS, QUOTE_COIN, findPair } from "@/lib/markets";
import type { Candle } from "@/lib/predict/candle";
import { HORIZONS, type Horizon } from "@/lib/predict/horizons";
import { DEFAULT_CONFIG, type ModelConfig } from "@/lib/predict/model-config";
import { trainAndEvaluate } from "@/lib/predict/train-and-evaluate";
import { saveModel } from "@/lib/predict/model-store";
import { invalidateModels } from "@/lib/predict/model-cache";
import { loadDailyCandles, loadHourlyCandles } from "@/lib/predict/kline-history";
import { ensureBackend } from "@/lib/predict/tf-backend";
import type { ModelMetrics } from "@/lib/predict/trained-model";

/** Fewer daily candles than this give too short a test period to judge a model on. */
export const MIN_HISTORY = 250;

/** By default the pairs quoted in USDT: 5 pairs x 3 horizons = 15 models. */
export const DEFAULT_SYMBOLS: readonly string[] = PAIRS.filter((p) => p.quote === QUOTE_COIN).map((p) => p.symbol);

export interface TrainResult {
  symbol: string;
  horizon: Horizon;
  status: "trained" | "skipped" | "failed";
  /** why it was skipped or failed */
  reason?: string;
  candles: number;
  metrics?: ModelMetrics;
  trainSeconds?: number;
  dataFrom?: number;
  dataTo?: number;
}

export type TrainProgress =
  | { phase: "start"; symbol: string; horizon: Horizon; index: number; total: number }
  | { phase: "fold"; symbol: string; horizon: Horizon; index: number; total: number; fold: number; folds: number }
  | { phase: "end"; symbol: string; horizon: Horizon; index: number; total: number; result: TrainResult };

export interface TrainModelsOptions {
  /** pair symbols (default DEFAULT_SYMBOLS); unknown names fail that pair */
  symbols?: readonly string[];
  horizons?: readonly Horizon[];
  onProgress?: (event: TrainProgress) => void;
  /** candle source; default: complete daily candles from the Kline table */
  loadCandles?: (symbol: string) => Promise<Candle[]>;
  /** hourly candles for realised volatility; default: the Kline table's 1h candles (days without them use high/low) */
  loadHourly?: (symbol: string) => Promise<Candle[]>;
  config?: ModelConfig;
  /** walk-forward refits (default 4) */
  folds?: number;
  /**
   * "Now" for the default Kline loaders (epoch ms; default the wall clock): only candles complete by then are
   * used. A replay passes its market time, so a replayed day still forming is not taken for a finished one.
   */
  asOf?: number;
}

/**
 * Trains every requested pair and horizon one after another (a model at a time keeps memory flat and
 * lets the event loop breathe between them), stores each in PredictionModel and drops the in-memory
 * copy so the API serves the new one. Returns one result per pair and horizon.
 */
export async function trainModels(options: TrainModelsOptions = {}): Promise<TrainResult[]> {
  const symbols = options.symbols ?? DEFAULT_SYMBOLS;
  const horizons = options.horizons ?? HORIZONS;
  const load = options.loadCandles ?? ((s: string) => loadDailyCandles(s, { now: options.asOf }));
  const loadHourly = options.loadHourly ?? ((s: string) => loadHourlyCandles(s, { now: options.asOf }));
  const total = symbols.length * horizons.length;
  const results: TrainResult[] = [];
  await ensureBackend();
  let index = 0;
  for (const raw of symbols) {
    const symbol = findPair(raw)?.symbol ?? raw.toUpperCase();
    let candles: Candle[] = [];
    let hourly: Candle[] = [];
    let problem: TrainResult["status"] | undefined;
    let reason: string | undefined;
    try {
      if (!findPair(symbol)) throw new Error(`unknown pair ${symbol}`);
      candles = await load(symbol);
      hourly = await loadHourly(symbol);
      if (candles.length < MIN_HISTORY) {
        problem = "skipped";
        reason = `${candles.length} daily candles, need at least ${MIN_HISTORY}`;
      }
    } catch (e) {
      problem = "failed";
      reason = (e as Error).message;
    }
    for (const horizon of horizons) {
      options.onProgress?.({ phase: "start", symbol, horizon, index, total });
      let result: TrainResult;
      if (problem) {
        result = { symbol, horizon, status: problem, reason, candles: candles.length };
      } else {
        try {
          const trained = await trainAndEvaluate(candles, horizon, options.config ?? DEFAULT_CONFIG, {
            folds: options.folds,
            hourly,
            onFold: (fold, folds) => options.onProgress?.({ phase: "fold", symbol, horizon, index, total, fold, folds }),
          });
          await saveModel(symbol, trained);
          trained.model.dispose();
          invalidateModels(symbol, horizon);
          result = {
            symbol,
            horizon,
            status: "trained",
            candles: candles.length,
            metrics: trained.metrics,
            trainSeconds: trained.trainSeconds,
            dataFrom: trained.dataFrom,
            dataTo: trained.dataTo,
          };
        } catch (e) {
          result = { symbol, horizon, status: "failed", reason: (e as Error).message, candles: candles.length };
        }
      }
      results.push(result);
      index++;
      options.onProgress?.({ phase: "end", symbol, horizon, index, total, result });
      await new Promise((r) => setImmediate(r));
    }
  }
  return results;
}
