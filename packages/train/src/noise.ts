import type { SeededRandom } from '@dcgan/data';
import * as tf from '@tensorflow/tfjs-core';

/**
 * A seeded source of noise z `[count, latentSize]` ~ N(0, 1): each draw takes its seed from `random`,
 * so saving `random`'s state is enough to resume the same sequence of noise.
 */
export function noiseSource(
  random: SeededRandom,
  latentSize: number,
): (count: number) => tf.Tensor2D {
  return (count) => tf.randomNormal([count, latentSize], 0, 1, 'float32', random.nextSeed());
}
