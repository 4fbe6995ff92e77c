import type { BatchSampler, SeededRandom } from '@dcgan/data';
import { classCountOf, latentSizeOf, oneHotClasses } from '@dcgan/models';
import type * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { noiseSource } from './noise.js';

/**
 * Real images `[batch, 28, 28, 1]` in [-1, 1]; for a class-conditional model, with their classes
 * one-hot `[batch, classes]`, as the discriminator takes them.
 */
export type RealBatch = tf.Tensor4D | [tf.Tensor4D, tf.Tensor2D];

/**
 * Noise z `[batch, latentSize]`; for a class-conditional model, with the classes to draw, one-hot
 * `[batch, classes]`, as the generator takes them.
 */
export type GeneratorInput = tf.Tensor2D | [tf.Tensor2D, tf.Tensor2D];

/** The images of a batch of reals, with or without their classes. */
export function imagesOf(reals: RealBatch): tf.Tensor4D {
  return Array.isArray(reals) ? reals[0] : reals;
}

/**
 * Fakes as the discriminator takes them: alone, or with the classes the generator was asked for
 * in `input`. Nothing is copied or disposed.
 */
export function withClassesOf(fakes: tf.Tensor4D, input: GeneratorInput): RealBatch {
  return Array.isArray(input) ? [fakes, input[1]] : fakes;
}

/**
 * The generator's inputs for a training step: noise from `noiseSource` and, for a conditional
 * generator, classes drawn uniformly with the same seeded `random` after the noise, so that its
 * saved state resumes both. The unconditional draws are exactly those of `noiseSource`.
 */
export function generatorInputSource(
  random: SeededRandom,
  generator: LayersModel,
): (count: number) => GeneratorInput {
  const noise = noiseSource(random, latentSizeOf(generator));
  const classes = classCountOf(generator);
  if (classes === undefined) return noise;
  return (count) => {
    const z = noise(count);
    const labels = Array.from({ length: count }, () => Math.floor(random.next() * classes));
    return [z, oneHotClasses(labels, classes)];
  };
}

/**
 * The next batch of reals: the images alone for an unconditional discriminator; for a conditional
 * one, with their labels one-hot. Throws, naming it, on a label beyond the model's classes.
 */
export function nextReals(sampler: BatchSampler, discriminator: LayersModel): RealBatch {
  const classes = classCountOf(discriminator);
  if (classes === undefined) return sampler.next();
  const { images, labels } = sampler.nextWithLabels();
  const values = labels.dataSync();
  labels.dispose();
  const beyond = values.find((label) => label >= classes);
  if (beyond !== undefined) {
    images.dispose();
    throw new Error(`label ${beyond} in the data is beyond the model's ${classes} classes`);
  }
  return [images, oneHotClasses(values, classes)];
}
