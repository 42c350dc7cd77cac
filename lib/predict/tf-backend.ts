// TensorFlow.js on the WebAssembly backend (tfjs-node cannot be installed here; the pure-JS CPU backend
// trains about 10x slower). setBackend("wasm") answers false instead of throwing, so the answer is checked.
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

let ready: Promise<string> | undefined;

async function init(): Promise<string> {
  // Bundled code (Next.js) loses the package's own directory: point the loader at node_modules.
  setWasmPaths(path.join(process.cwd(), "node_modules", "@tensorflow", "tfjs-backend-wasm", "dist") + path.sep);
  if (await tf.setBackend("wasm").catch(() => false)) {
    await tf.ready();
    return "wasm";
  }
  // Predictions from a small MLP are cheap on the CPU backend too; training is just slower.
  console.warn("predict: the TensorFlow.js wasm backend did not start; using the slower cpu backend");
  if (!(await tf.setBackend("cpu"))) throw new Error("predict: no TensorFlow.js backend could start (wasm and cpu both failed)");
  await tf.ready();
  return "cpu";
}

/** Starts the TensorFlow.js backend once per process; returns its name ("wasm" or "cpu"). */
export function ensureBackend(): Promise<string> {
  ready ??= init().catch((e: unknown) => {
    ready = undefined;
    throw e;
  });
  return ready;
}

export { tf };
