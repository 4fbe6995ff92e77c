import * as tfc from '@tensorflow/tfjs-core';
import * as tf from '@tensorflow/tfjs-layers';
import { checkTopologySizes } from './check-topology-sizes.js';

/**
 * `tf.loadLayersModel`, without its leak: when the weights do not fit the topology (a name or a
 * shape), TensorFlow.js throws after building the model and decoding the weights, and keeps both.
 * Here the model is built from the topology alone, then given its weights; on any failure, both
 * are disposed before the error goes on.
 */
export async function loadLayersModel(source: string | tfc.io.IOHandler): Promise<tf.LayersModel> {
  // As tf.loadLayersModel: a URL no handler claims (a relative one) is fetched over HTTP.
  const handler =
    typeof source === 'string'
      ? (tfc.io.getLoadHandlers(source)[0] ?? tfc.io.http(source))
      : source;
  if (!handler.load) throw new Error(`${String(source)}: this IO handler cannot load`);
  const artifacts = await handler.load();
  checkTopologySizes(artifacts, typeof source === 'string' ? source : 'model.json');
  const model = await buildFromTopology(artifacts);
  if (!artifacts.weightData) return model;
  let weights: tfc.NamedTensorMap = {};
  try {
    const { weightData, weightSpecs } = artifacts;
    if (!weightSpecs) throw new Error('weight data without weight specs');
    // In a tidy: a spec that fails to decode disposes those decoded before it.
    weights = tfc.tidy(() => {
      const decoded = tfc.io.decodeWeights(weightData, weightSpecs);
      const lost = weightSpecs.find((spec) => !Object.hasOwn(decoded, spec.name));
      if (lost) throw new Error(`weight name ${JSON.stringify(lost.name)} cannot be decoded`);
      return decoded;
    });
    model.loadWeights(weights);
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    tfc.dispose(Object.values(weights));
  }
}

/**
 * The model of a topology, its weights initialized. A topology that fails part way leaves neither
 * a variable nor a tensor: it is built in an engine scope that, on failure, disposes what it made.
 */
async function buildFromTopology(artifacts: tfc.io.ModelArtifacts): Promise<tf.LayersModel> {
  const engine = tfc.engine() as unknown as EngineInternals;
  const before = new Set(Object.keys(engine.state.registeredVariables));
  engine.startScope();
  try {
    const model = await tf.loadLayersModel(
      tfc.io.fromMemory({ ...artifacts, weightData: undefined, weightSpecs: undefined }),
    );
    // Whatever the model made stays alive, as tf.loadLayersModel leaves it.
    engine.endScope(engine.state.activeScope.track.filter((tensor) => !tensor.isDisposed));
    return model;
  } catch (error) {
    engine.endScope();
    for (const [name, variable] of Object.entries(engine.state.registeredVariables))
      if (!before.has(name)) variable.dispose();
    throw error;
  }
}

/** The parts of TensorFlow.js's engine used above: public methods, with state it has no getter for. */
interface EngineInternals {
  startScope(): void;
  endScope(keep?: tfc.Tensor[]): void;
  state: {
    registeredVariables: Record<string, tfc.Variable>;
    activeScope: { track: tfc.Tensor[] };
  };
}
