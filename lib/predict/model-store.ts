// Trained models in the database (PredictionModel), so that any process — the worker that trains, a
// serverless function that serves — can load them.
import { prisma } from "@/lib/db";
import { serializeModel, deserializeModel } from "@/lib/predict/model-artifacts";
import type { tf } from "@/lib/predict/tf-backend";
import type { Horizon } from "@/lib/predict/horizons";
import type { ModelMeta, ModelMetrics, TrainedPredictor } from "@/lib/predict/trained-model";

export interface LoadedModel {
  symbol: string;
  horizon: Horizon;
  model: tf.LayersModel;
  meta: ModelMeta;
  metrics: ModelMetrics;
  dataFrom: number;
  dataTo: number;
  trainSeconds: number;
  trainedAt: Date;
}

/** Saves (replaces) the model of a pair and horizon with its metrics, data range and training time. */
export async function saveModel(symbol: string, t: TrainedPredictor, trainedAt = new Date()): Promise<void> {
  const { topology, weights } = await serializeModel(t.model, t.meta);
  const row = {
    topology,
    weights,
    metrics: JSON.stringify(t.metrics),
    dataFrom: BigInt(t.dataFrom),
    dataTo: BigInt(t.dataTo),
    trainSeconds: t.trainSeconds,
    trainedAt,
  };
  await prisma.predictionModel.upsert({
    where: { symbol_horizon: { symbol, horizon: t.meta.horizon } },
    create: { symbol, horizon: t.meta.horizon, ...row },
    update: row,
  });
}

/** Loads the model of a pair and horizon, or null when none has been trained. */
export async function loadModel(symbol: string, horizon: Horizon): Promise<LoadedModel | null> {
  const row = await prisma.predictionModel.findUnique({ where: { symbol_horizon: { symbol, horizon } } });
  if (!row) return null;
  const { model, meta } = await deserializeModel({ topology: row.topology, weights: row.weights });
  return {
    symbol,
    horizon,
    model,
    meta,
    metrics: JSON.parse(row.metrics) as ModelMetrics,
    dataFrom: Number(row.dataFrom),
    dataTo: Number(row.dataTo),
    trainSeconds: row.trainSeconds,
    trainedAt: row.trainedAt,
  };
}

/** When the stored model of a pair and horizon was trained (a cheap check for a newer one), or null. */
export async function modelTrainedAt(symbol: string, horizon: Horizon): Promise<Date | null> {
  const row = await prisma.predictionModel.findUnique({ where: { symbol_horizon: { symbol, horizon } }, select: { trainedAt: true } });
  return row?.trainedAt ?? null;
}
