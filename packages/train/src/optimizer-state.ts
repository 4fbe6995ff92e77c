import * as tf from '@tensorflow/tfjs-core';
import type { NamedTensor } from '@tensorflow/tfjs-core/dist/tensor_types';

/** Adam's running products of beta1 and beta2: private in tfjs, and needed for an exact resume. */
interface AdamInternals {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
}

/**
 * An Adam optimizer's whole state as named tensors: the iteration count, both moments of every
 * variable, and the running beta products (tfjs's `setWeights` would recompute those with `pow`,
 * which rounds differently from the step-by-step products, so a resume would not be exact).
 */
export async function getAdamState(optimizer: tf.AdamOptimizer): Promise<NamedTensor[]> {
  const internals = optimizer as unknown as AdamInternals;
  return [
    ...(await optimizer.getWeights()),
    { name: 'accBeta1', tensor: internals.accBeta1 },
    { name: 'accBeta2', tensor: internals.accBeta2 },
  ];
}

/**
 * An Adam optimizer's whole state as TensorFlow.js weight bytes and their specs, for a file.
 * `getWeights` makes a new tensor of the iteration count at each call: it is disposed here.
 */
export async function encodeAdamState(
  optimizer: tf.AdamOptimizer,
): Promise<{ data: ArrayBuffer; specs: tf.io.WeightsManifestEntry[] }> {
  const state = await getAdamState(optimizer);
  try {
    return await tf.io.encodeWeights(state);
  } finally {
    tf.dispose(state.filter((weight) => weight.name === 'iter').map((weight) => weight.tensor));
  }
}

/** Restores what `getAdamState` saved. */
export async function setAdamState(
  optimizer: tf.AdamOptimizer,
  state: NamedTensor[],
): Promise<void> {
  const internals = optimizer as unknown as AdamInternals;
  const find = (name: string) => state.find((w) => w.name === name)?.tensor;
  const [accBeta1, accBeta2] = [find('accBeta1'), find('accBeta2')];
  if (!accBeta1 || !accBeta2) throw new Error('optimizer state has no accBeta1 or accBeta2');
  await optimizer.setWeights(state.filter((w) => !w.name.startsWith('accBeta')));
  internals.accBeta1.assign(accBeta1);
  internals.accBeta2.assign(accBeta2);
}
