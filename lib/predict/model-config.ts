// What a prediction model is made of: input window and features, network, and training schedule.
// DEFAULT_CONFIG is the winner of the walk-forward comparison written up in docs/prediction.md.
import type { FeatureName } from "@/lib/predict/features";

export type NetworkSpec =
  | { kind: "mlp"; units: number[]; dropout: number; l2: number }
  | { kind: "gru"; units: number; dropout: number };

export interface ModelConfig {
  window: number;
  features: FeatureName[];
  network: NetworkSpec;
  /** training loss on the standardised log return */
  loss: "mse" | "mae" | "huber";
  learningRate: number;
  maxEpochs: number;
  batchSize: number;
  /** epochs without a better validation loss before stopping */
  patience: number;
  /** share of the training samples (the most recent ones) used for early stopping */
  validationFraction: number;
}

export const DEFAULT_CONFIG: ModelConfig = {
  window: 10,
  features: ["ret"],
  network: { kind: "mlp", units: [32, 16], dropout: 0.2, l2: 1e-3 },
  loss: "huber",
  learningRate: 1e-3,
  maxEpochs: 30,
  batchSize: 512,
  patience: 4,
  validationFraction: 0.15,
};
