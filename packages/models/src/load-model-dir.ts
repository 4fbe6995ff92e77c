import type { LayersModel } from '@tensorflow/tfjs-layers';
import {
  DISCRIMINATOR_SHAPES,
  type ExpectedShapes,
  GENERATOR_SHAPES,
} from './check-architecture.js';
import { fileSystemIO } from './file-system-io.js';
import { loadModel } from './load-model.js';

/** Saves a model to a folder as `model.json` plus `weights.bin` (Node). */
export async function saveModelToDir(model: LayersModel, dir: string): Promise<void> {
  await model.save(fileSystemIO(dir));
}

/** Loads a model from a folder holding `model.json` and its weights (Node), checking its shapes. */
export async function loadModelFromDir(
  dir: string,
  expected?: ExpectedShapes,
): Promise<LayersModel> {
  return loadModel(fileSystemIO(dir), expected, dir);
}

/**
 * Loads a generator `[batch, latentSize] -> [batch, height, width, channels]` from a folder (Node):
 * any of this package's, its image shape, latent size and classes read from its own `model.json`.
 */
export function loadGeneratorFromDir(dir: string): Promise<LayersModel> {
  return loadModelFromDir(dir, GENERATOR_SHAPES);
}

/** Loads a discriminator `[batch, height, width, channels] -> [batch, 1]` from a folder (Node). */
export function loadDiscriminatorFromDir(dir: string): Promise<LayersModel> {
  return loadModelFromDir(dir, DISCRIMINATOR_SHAPES);
}
