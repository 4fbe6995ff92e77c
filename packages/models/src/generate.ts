import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { classCountOf, oneHotClasses, sampleClasses } from './conditional.js';
import { predictImages } from './predict-images.js';

/** The latent size a generator takes: the last dimension of its input. */
export function latentSizeOf(generator: LayersModel): number {
  const size = generator.inputs[0]?.shape[1];
  if (typeof size !== 'number')
    throw new Error(`model ${generator.name} has no [batch, latentSize] input`);
  return size;
}

/**
 * Draws noise z `[count, latentSize]` from N(0, 1); the same seed gives the same noise on every backend.
 */
export function sampleNoise(count: number, latentSize: number, seed?: number): tf.Tensor2D {
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 1)) {
    throw new Error(
      `seed must be a positive integer (TensorFlow.js takes 0 as no seed), got ${seed}`,
    );
  }
  return tf.randomNormal([count, latentSize], 0, 1, 'float32', seed);
}

/** How `generate` draws. */
export interface GenerateOptions {
  /** Seed of the noise: the same seed gives the same images. */
  seed?: number;
  /** Images per forward pass. */
  batchSize?: number;
  /**
   * A conditional generator's classes: one for all samples (`7`) or one per sample (`[0, 1, 2]`);
   * absent, the classes in turn (0, 1, …, 9, 0, …). An unconditional generator takes none.
   */
  classes?: number | readonly number[];
}

/**
 * The inputs of a generator for `count` samples: noise z `[count, latentSize]` from N(0, 1) seeded
 * `seed` and, for a conditional generator, the classes one-hot `[count, classes]` (see
 * `GenerateOptions.classes`). The caller disposes them.
 */
export function generatorInputs(
  generator: LayersModel,
  count: number,
  options: Pick<GenerateOptions, 'seed' | 'classes'> = {},
): tf.Tensor2D | [tf.Tensor2D, tf.Tensor2D] {
  const classes = classCountOf(generator);
  if (classes === undefined && options.classes !== undefined) {
    throw new Error('classes: this generator is unconditional (it takes no class)');
  }
  const z = sampleNoise(count, latentSizeOf(generator), options.seed);
  if (classes === undefined) return z;
  try {
    return [z, oneHotClasses(sampleClasses(count, classes, options.classes), classes)];
  } catch (error) {
    z.dispose();
    throw error;
  }
}

/**
 * Generates images with a trained generator, BatchNorm on its moving averages (inference mode);
 * a conditional generator draws the classes asked for. Any generator of this package, its shapes
 * read from the model; the spec's runs folded (see `predictImages`).
 * @returns images `[count, height, width, channels]` (`imageShapeOf(generator)`) in [-1, 1]; the
 *   caller disposes them
 */
export function generate(
  generator: LayersModel,
  count: number,
  options: GenerateOptions = {},
): tf.Tensor4D {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count must be a positive integer, got ${count}`);
  return tf.tidy(() => {
    const inputs = generatorInputs(generator, count, options);
    return predictImages(generator, [inputs].flat(), { batchSize: options.batchSize });
  });
}
