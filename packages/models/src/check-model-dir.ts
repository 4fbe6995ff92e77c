import * as tf from '@tensorflow/tfjs-core';
import { loadModelFromDir } from './load-model-dir.js';

/** What checking an exported model folder found. */
export interface ModelDirCheck {
  /** Weight tensors of the model (moving statistics included). */
  weights: number;
  /** Values in those weights. */
  parameters: number;
}

/**
 * Checks a folder holding `model.json` and its weights (Node): it loads as a TensorFlow.js layers
 * model, every weight is finite, and nothing is left in memory afterwards.
 * @throws an error naming the folder and what is wrong with it
 */
export async function checkModelDir(dir: string): Promise<ModelDirCheck> {
  const before = tf.memory().numTensors;
  const model = await loadModelFromDir(dir);
  const weights = model.weights.length;
  let parameters = 0;
  let nonFinite = 0;
  try {
    for (const weight of model.weights) {
      const values = weight.read().dataSync();
      parameters += values.length;
      for (const value of values) if (!Number.isFinite(value)) nonFinite++;
    }
  } finally {
    model.dispose();
  }
  const leaked = tf.memory().numTensors - before;
  if (leaked !== 0) throw new Error(`${dir}: loading the model left ${leaked} tensors in memory`);
  if (nonFinite > 0)
    throw new Error(`${dir}: ${nonFinite} of ${parameters} weight values are not finite`);
  return { weights, parameters };
}
