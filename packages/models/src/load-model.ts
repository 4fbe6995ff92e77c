import type * as tfc from '@tensorflow/tfjs-core';
import type * as tf from '@tensorflow/tfjs-layers';
import { checkArchitecture, type ExpectedShapes } from './check-architecture.js';
import { loadLayersModel } from './load-layers-model.js';

/**
 * Loads a layers model from a URL (`https://…/model.json`, `indexeddb://name`, `localstorage://name`)
 * or an IO handler, and checks its shapes when `expected` is given; errors start with `name`.
 */
export async function loadModel(
  source: string | tfc.io.IOHandler,
  expected?: ExpectedShapes,
  name = typeof source === 'string' ? source : 'model',
): Promise<tf.LayersModel> {
  let model: tf.LayersModel;
  try {
    model = await loadLayersModel(source);
  } catch (error) {
    throw new Error(`${name}: cannot load the model (${(error as Error).message})`);
  }
  try {
    if (expected) checkArchitecture(model, expected, name);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return model;
}

/** Saves a model to a URL-like destination (`indexeddb://name`, `downloads://name`) or an IO handler. */
export async function saveModel(
  model: tf.LayersModel,
  destination: string | tfc.io.IOHandler,
): Promise<tfc.io.SaveResult> {
  return model.save(destination);
}
