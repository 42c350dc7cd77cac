// Supervised samples from a candle history: for each anchor candle t, the input is the feature rows of
// candles t-window+1..t (flattened, oldest first) and the target is log(close[t+h] / close[t]).
// The anchor's own close is known at prediction time; nothing after it enters the input.
import type { Candle } from "@/lib/predict/candle";
import { featureRow, WARMUP, type FeatureName } from "@/lib/predict/features";

export interface WindowSpec {
  window: number;
  features: readonly FeatureName[];
  /** horizon in candles */
  steps: number;
}

export interface Dataset {
  /** inputs of the samples that have a target, in time order */
  x: number[][];
  /** log return of the close from the anchor to `steps` candles later */
  y: number[];
  /** index in the candle array of each sample's anchor (last input candle) */
  anchors: number[];
  /** input for the newest candle (its target lies in the future), if the history is long enough */
  latest?: { x: number[]; anchor: number };
}

/** The fewest candles that give one input window. */
export function minCandles(window: number): number {
  return WARMUP + window;
}

/** Builds the samples; the per-candle rows are computed once and shared by overlapping windows. */
export function buildDataset(candles: readonly Candle[], spec: WindowSpec): Dataset {
  const first = WARMUP + spec.window - 1;
  const rows: number[][] = [];
  for (let t = WARMUP; t < candles.length; t++) rows[t] = featureRow(candles, t, spec.features);
  const input = (anchor: number): number[] => {
    const x: number[] = [];
    for (let t = anchor - spec.window + 1; t <= anchor; t++) x.push(...(rows[t] ?? []));
    return x;
  };
  const out: Dataset = { x: [], y: [], anchors: [] };
  for (let a = first; a < candles.length; a++) {
    const target = candles[a + spec.steps];
    if (!target) break;
    out.x.push(input(a));
    out.y.push(Math.log(target.close / (candles[a]?.close ?? Number.NaN)));
    out.anchors.push(a);
  }
  const last = candles.length - 1;
  if (last >= first) out.latest = { x: input(last), anchor: last };
  return out;
}
