// A model to and from two database columns, without the filesystem (model.save("file://") needs tfjs-node):
// the topology column holds TF.js's model.json fields plus our ModelMeta in userDefinedMetadata, the
// weights column the concatenated weight bytes.
import { ensureBackend, tf } from "@/lib/predict/tf-backend";
import type { ModelMeta } from "@/lib/predict/trained-model";

export interface SerializedModel {
  topology: string;
  weights: Uint8Array<ArrayBuffer>;
}

/** Serialises a model and its metadata. */
export async function serializeModel(model: tf.LayersModel, meta: ModelMeta): Promise<SerializedModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } };
    }),
  );
  if (!saved?.weightData || !saved.weightSpecs) throw new Error("model serialisation produced no weights");
  const data = saved.weightData;
  const buffer = Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data;
  const topology = JSON.stringify({
    format: saved.format,
    generatedBy: saved.generatedBy,
    convertedBy: saved.convertedBy,
    modelTopology: saved.modelTopology,
    weightSpecs: saved.weightSpecs,
    userDefinedMetadata: { compraventa: meta },
  });
  return { topology, weights: new Uint8Array(buffer.slice(0)) };
}

/** Rebuilds a model and its metadata from the two columns. */
export async function deserializeModel(s: SerializedModel): Promise<{ model: tf.LayersModel; meta: ModelMeta }> {
  await ensureBackend();
  const json = JSON.parse(s.topology) as {
    modelTopology: object;
    weightSpecs: tf.io.WeightsManifestEntry[];
    userDefinedMetadata?: { compraventa?: ModelMeta };
  };
  const meta = json.userDefinedMetadata?.compraventa;
  if (!meta) throw new Error("stored model has no CompraVenta metadata (scaler, window)");
  // Copy into a fresh ArrayBuffer: the column may be a view into a larger (pooled) buffer.
  const weightData = new Uint8Array(s.weights).buffer;
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightSpecs, weightData }));
  return { model, meta };
}
