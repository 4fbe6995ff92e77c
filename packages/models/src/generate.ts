import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';

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

/**
 * Generates images with a trained generator, BatchNorm on its moving averages (inference mode).
 * @returns images `[count, 28, 28, 1]` in [-1, 1]; the caller disposes them
 */
export function generate(
  generator: LayersModel,
  count: number,
  options: { seed?: number; batchSize?: number } = {},
): tf.Tensor4D {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count must be a positive integer, got ${count}`);
  return tf.tidy(() => {
    const z = sampleNoise(count, latentSizeOf(generator), options.seed);
    return generator.predict(z, { batchSize: options.batchSize ?? 256 }) as tf.Tensor4D;
  });
}
