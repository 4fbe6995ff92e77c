import * as tf from '@tensorflow/tfjs-core';
import type { ImageValues } from './image-values.js';

/** What the components need of a generator; a tfjs-layers `LayersModel` is one. */
export interface GeneratorLike {
  readonly inputs: { readonly shape: readonly (number | null)[] }[];
  predict(z: tf.Tensor, options?: { batchSize?: number }): tf.Tensor | tf.Tensor[];
}

/** The latent size of a generator `[batch, latentSize] -> [batch, 28, 28, 1]`. */
export function generatorLatentSize(generator: GeneratorLike): number {
  const size = generator.inputs[0]?.shape[1];
  if (typeof size !== 'number') throw new Error('the generator has no [batch, latentSize] input');
  return size;
}

/**
 * Draws `count` latent points `[latentSize]` from N(0, 1): the same noise as `generate` of
 * @dcgan/models for the same seed, on any backend.
 */
export function latentPoints(count: number, latentSize: number, seed?: number): Float32Array[] {
  const z = tf.randomNormal([count, latentSize], 0, 1, 'float32', seed);
  const values = z.dataSync() as Float32Array;
  z.dispose();
  return Array.from({ length: count }, (_, i) =>
    values.slice(i * latentSize, (i + 1) * latentSize),
  );
}

/**
 * Runs the generator (inference mode: BatchNorm on its moving averages) on latent points.
 * @param points `count` points `[latentSize]`
 * @returns `count` images `[size, size, 1]` with values in [-1, 1]
 */
export async function generateFromPoints(
  generator: GeneratorLike,
  points: Float32Array[],
): Promise<ImageValues> {
  const latentSize = generatorLatentSize(generator);
  const flat = new Float32Array(points.length * latentSize);
  for (const [i, point] of points.entries()) flat.set(point, i * latentSize);
  const images = tf.tidy(() => {
    const output = generator.predict(tf.tensor2d(flat, [points.length, latentSize]));
    return Array.isArray(output) ? (output[0] as tf.Tensor) : output;
  });
  try {
    const size = images.shape[1] as number;
    return { values: (await images.data()) as Float32Array, count: points.length, size };
  } finally {
    images.dispose();
  }
}

/**
 * Generates `count` images `[size, size, 1]` in [-1, 1] from noise seeded `seed`: the same images
 * as `generate(generator, count, { seed })` of @dcgan/models.
 */
export function generateValues(
  generator: GeneratorLike,
  count: number,
  seed?: number,
): Promise<ImageValues> {
  return generateFromPoints(generator, latentPoints(count, generatorLatentSize(generator), seed));
}
