// Loaded models and their current forecast, kept in memory so that a request costs a Map lookup.
// The forecast is computed when a model is loaded and again when a newer model or a newer daily candle
// appears; that check runs in the background at most once a minute per model (two one-row queries),
// so no request waits on the database once an entry exists, and none ever fetches history from Binance.
import type { Candle } from "@/lib/predict/candle";
import { loadModel, modelTrainedAt, type LoadedModel } from "@/lib/predict/model-store";
import { loadDailyCandles, loadHourlyCandles, latestDailyOpenTime } from "@/lib/predict/kline-history";
import { predictLatest, candlesNeeded, type PredictionSnapshot } from "@/lib/predict/predict-latest";
import type { Horizon } from "@/lib/predict/horizons";
import { RANGE_HISTORY } from "@/lib/predict/range-model";

/** Candles kept per entry: what the model needs (the range's long-run volatility: a year), and the page's chart. */
const RECENT_CANDLES = Math.max(120, RANGE_HISTORY);
/** Hourly candles kept per entry: the range model's 22-day realised volatility. */
const RECENT_HOURS = 24 * 23;
const CHECK_EVERY_MS = 60_000;
/** A missing model is looked for again after this long (so a 503 storm does not hammer the database). */
const MISSING_RETRY_MS = 10_000;

export interface CachedModel {
  loaded: LoadedModel;
  /** null while the kline cache holds too few candles for the model's window */
  snapshot: PredictionSnapshot | null;
  candles: Candle[];
  hourly: Candle[];
  checkedAt: number;
}

const entries = new Map<string, CachedModel>();
const missing = new Map<string, number>();
const pending = new Map<string, Promise<CachedModel | null>>();

const key = (symbol: string, horizon: Horizon) => `${symbol}:${horizon}`;

function forecast(loaded: LoadedModel, candles: Candle[], hourly: Candle[]): PredictionSnapshot | null {
  return candles.length >= candlesNeeded(loaded.meta.config.window) ? predictLatest(loaded, candles, hourly) : null;
}

async function build(symbol: string, horizon: Horizon, previous?: CachedModel): Promise<CachedModel | null> {
  const trainedAt = previous ? await modelTrainedAt(symbol, horizon) : undefined;
  let loaded = previous?.loaded;
  if (!loaded || !trainedAt || trainedAt.getTime() !== loaded.trainedAt.getTime()) {
    const fresh = await loadModel(symbol, horizon);
    if (!fresh) return null;
    if (loaded && loaded !== fresh) loaded.model.dispose();
    loaded = fresh;
  }
  let candles = previous?.candles ?? [];
  let hourly = previous?.hourly ?? [];
  const newest = previous ? await latestDailyOpenTime(symbol) : undefined;
  if (!previous || loaded !== previous.loaded || newest !== candles[candles.length - 1]?.openTime) {
    candles = await loadDailyCandles(symbol, { limit: Math.max(RECENT_CANDLES, candlesNeeded(loaded.meta.config.window)) });
    hourly = await loadHourlyCandles(symbol, { limit: RECENT_HOURS });
  }
  return { loaded, snapshot: forecast(loaded, candles, hourly), candles, hourly, checkedAt: Date.now() };
}

function refresh(symbol: string, horizon: Horizon, previous?: CachedModel): Promise<CachedModel | null> {
  const k = key(symbol, horizon);
  let p = pending.get(k);
  if (!p) {
    p = build(symbol, horizon, previous)
      .then((entry) => {
        if (entry) {
          entries.set(k, entry);
          missing.delete(k);
        } else {
          previous?.loaded.model.dispose();
          entries.delete(k);
          missing.set(k, Date.now());
        }
        return entry;
      })
      .finally(() => pending.delete(k));
    pending.set(k, p);
  }
  return p;
}

/**
 * The cached model and forecast of a pair and horizon, or null when no model has been trained.
 * The first call per model loads it (tens of milliseconds); later calls answer from memory and
 * trigger a background check for a newer model or candle when the last check is over a minute old.
 */
export async function getCachedModel(symbol: string, horizon: Horizon): Promise<CachedModel | null> {
  const k = key(symbol, horizon);
  const entry = entries.get(k);
  if (entry) {
    if (Date.now() - entry.checkedAt > CHECK_EVERY_MS) {
      entry.checkedAt = Date.now(); // one background check at a time, even if it fails
      refresh(symbol, horizon, entry).catch((e: unknown) => console.error(`predict: refreshing ${k} failed:`, (e as Error).message));
    }
    return entry;
  }
  const missedAt = missing.get(k);
  if (missedAt !== undefined && Date.now() - missedAt < MISSING_RETRY_MS) return null;
  return refresh(symbol, horizon);
}

/** Forgets cached models (all, or one pair's, or one pair and horizon) so the next call reloads them: call after training in this process. */
export function invalidateModels(symbol?: string, horizon?: Horizon): void {
  for (const [k, entry] of entries) {
    const [s, h] = k.split(":");
    if ((symbol === undefined || s === symbol) && (horizon === undefined || h === horizon)) {
      entry.loaded.model.dispose();
      entries.delete(k);
    }
  }
  for (const k of missing.keys()) {
    const [s, h] = k.split(":");
    if ((symbol === undefined || s === symbol) && (horizon === undefined || h === horizon)) missing.delete(k);
  }
}
