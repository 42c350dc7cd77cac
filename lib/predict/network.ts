// The network definitions: a small dense MLP over the flattened window, or a tiny GRU reading the window
// candle by candle. Both output one number, the standardised log return.
import { tf } from "@/lib/predict/tf-backend";
import type { NetworkSpec } from "@/lib/predict/model-config";

/** A fresh, uncompiled network for inputs of `window` x `features` values (flattened). */
export function buildNetwork(spec: NetworkSpec, window: number, features: number, seed?: number): tf.LayersModel {
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed === undefined ? undefined : seed + k });
  const model = tf.sequential();
  if (spec.kind === "mlp") {
    spec.units.forEach((units, k) => {
      model.add(
        tf.layers.dense({
          ...(k === 0 ? { inputShape: [window * features] } : {}),
          units,
          activation: "relu",
          kernelInitializer: init(k),
          kernelRegularizer: spec.l2 > 0 ? tf.regularizers.l2({ l2: spec.l2 }) : undefined,
        }),
      );
      if (spec.dropout > 0) model.add(tf.layers.dropout({ rate: spec.dropout }));
    });
  } else {
    model.add(tf.layers.reshape({ inputShape: [window * features], targetShape: [window, features] }));
    model.add(
      tf.layers.gru({
        units: spec.units,
        kernelInitializer: init(0),
        recurrentInitializer: tf.initializers.glorotUniform({ seed }),
        dropout: spec.dropout,
      }),
    );
  }
  model.add(tf.layers.dense({ units: 1, kernelInitializer: init(99) }));
  return model;
}
