// Command-line tweaks of the model configuration, so that the alternatives compared in
// docs/prediction.md can be re-run with `npm run predict:eval -- --csv F --time 1d --window 30 --net gru:16`.
import { DEFAULT_CONFIG, type ModelConfig, type NetworkSpec } from "@/lib/predict/model-config";
import { FEATURE_NAMES, type FeatureName } from "@/lib/predict/features";

function parseNetwork(text: string): NetworkSpec {
  // mlp:32x16[:dropout[:l2]] or gru:16[:dropout]
  const [kind, size = "", a, b] = text.split(":");
  if (kind === "mlp") {
    const units = size.split("x").map(Number);
    if (!units.length || units.some((u) => !Number.isInteger(u) || u <= 0)) throw new Error(`--net ${text}: expected mlp:32x16`);
    return { kind, units, dropout: Number(a ?? 0.2), l2: Number(b ?? 1e-3) };
  }
  if (kind === "gru") {
    const units = Number(size);
    if (!Number.isInteger(units) || units <= 0) throw new Error(`--net ${text}: expected gru:16`);
    return { kind, units, dropout: Number(a ?? 0) };
  }
  throw new Error(`--net ${text}: expected mlp:<units>x<units> or gru:<units>`);
}

/** Applies --window, --features, --net, --loss, --epochs, --lr, --patience from parsed flags to the default config. */
export function configFromFlags(flags: Record<string, string | undefined>): ModelConfig {
  const c: ModelConfig = { ...DEFAULT_CONFIG, features: [...DEFAULT_CONFIG.features] };
  if (flags.window) c.window = Number(flags.window);
  if (flags.features) {
    const names = flags.features.split(",");
    for (const n of names) if (!(FEATURE_NAMES as readonly string[]).includes(n)) throw new Error(`--features: unknown feature ${n} (known: ${FEATURE_NAMES.join(", ")})`);
    c.features = names as FeatureName[];
  }
  if (flags.net) c.network = parseNetwork(flags.net);
  if (flags.loss) {
    if (!["mse", "mae", "huber"].includes(flags.loss)) throw new Error("--loss: one of mse, mae, huber");
    c.loss = flags.loss as ModelConfig["loss"];
  }
  if (flags.epochs) c.maxEpochs = Number(flags.epochs);
  if (flags.lr) c.learningRate = Number(flags.lr);
  if (flags.patience) c.patience = Number(flags.patience);
  if (!Number.isInteger(c.window) || c.window < 1 || c.window > 200) throw new Error("--window: an integer from 1 to 200");
  return c;
}
