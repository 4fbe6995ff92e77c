import * as tf from '@tensorflow/tfjs-core';
import type { ImageValues } from './image-values.js';

/**
 * What the components need of a generator; a tfjs-layers `LayersModel` is one. A class-conditional
 * generator has a second input, the class one-hot `[batch, classes]`.
 */
export interface GeneratorLike {
  readonly inputs: { readonly shape: readonly (number | null)[] }[];
  predict(
    inputs: tf.Tensor | tf.Tensor[],
    options?: { batchSize?: number },
  ): tf.Tensor | tf.Tensor[];
}

/** The latent size of a generator `[batch, latentSize] -> [batch, 28, 28, 1]`. */
export function generatorLatentSize(generator: GeneratorLike): number {
  const size = generator.inputs[0]?.shape[1];
  if (typeof size !== 'number') throw new Error('the generator has no [batch, latentSize] input');
  return size;
}

/** The classes of a conditional generator (its second input `[classes]`); undefined for another. */
export function generatorClasses(generator: GeneratorLike): number | undefined {
  const classes = generator.inputs[1]?.shape[1];
  return typeof classes === 'number' ? classes : undefined;
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

/** The class `digit` of `classes` one-hot: `[classes]`, a 1 at `digit`. Throws when out of range. */
export function oneHot(digit: number, classes: number): Float32Array {
  if (!Number.isInteger(digit) || digit < 0 || digit >= classes) {
    throw new Error(`class ${digit} is not one of this generator's classes (0 to ${classes - 1})`);
  }
  const vector = new Float32Array(classes);
  vector[digit] = 1;
  return vector;
}

/**
 * Runs the generator (inference mode: BatchNorm on its moving averages) on latent points.
 * @param points `count` points `[latentSize]`
 * @param labels for a conditional generator, a class vector `[classes]` per point (one-hot, or a
 *   mix of two on a walk between classes); by default the classes in turn, as `generate`
 * @returns `count` images `[size, size, channels]` with values in [-1, 1]
 */
export async function generateFromPoints(
  generator: GeneratorLike,
  points: Float32Array[],
  labels?: ArrayLike<number>[],
): Promise<ImageValues> {
  const latentSize = generatorLatentSize(generator);
  const classes = generatorClasses(generator);
  if (classes === undefined && labels) {
    throw new Error('this generator is unconditional: it takes no class');
  }
  const flat = new Float32Array(points.length * latentSize);
  for (const [i, point] of points.entries()) flat.set(point, i * latentSize);
  const classValues = classes === undefined ? undefined : new Float32Array(points.length * classes);
  if (classes !== undefined && classValues) {
    for (let i = 0; i < points.length; i++) {
      classValues.set(labels?.[i] ?? oneHot(i % classes, classes), i * classes);
    }
  }
  const images = tf.tidy(() => {
    const z = tf.tensor2d(flat, [points.length, latentSize]);
    const inputs =
      classes === undefined || !classValues
        ? z
        : [z, tf.tensor2d(classValues, [points.length, classes])];
    const output = generator.predict(inputs);
    return Array.isArray(output) ? (output[0] as tf.Tensor) : output;
  });
  try {
    const size = images.shape[1] as number;
    const channels = images.shape[3] === 3 ? 3 : 1;
    return { values: (await images.data()) as Float32Array, count: points.length, size, channels };
  } finally {
    images.dispose();
  }
}

/**
 * Generates `count` images `[size, size, channels]` in [-1, 1] from noise seeded `seed`: the same images
 * as `generate(generator, count, { seed, classes })` of @dcgan/models.
 * @param classes a conditional generator's classes: one for all, or one per image; by default the
 *   classes in turn
 */
export async function generateValues(
  generator: GeneratorLike,
  count: number,
  seed?: number,
  classes?: number | readonly number[],
): Promise<ImageValues> {
  const classCount = generatorClasses(generator);
  let labels: Float32Array[] | undefined;
  if (classes !== undefined) {
    if (classCount === undefined)
      throw new Error('this generator is unconditional: it takes no class');
    labels = Array.from({ length: count }, (_, i) =>
      oneHot(typeof classes === 'number' ? classes : (classes[i] as number), classCount),
    );
  }
  const points = latentPoints(count, generatorLatentSize(generator), seed);
  return generateFromPoints(generator, points, labels);
}
