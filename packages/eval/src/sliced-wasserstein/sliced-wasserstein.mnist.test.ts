import { loadDataset } from '@dcgan/data/node';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { patchDescriptors } from './patch-descriptors.js';
import { slicedWasserstein } from './sliced-wasserstein.js';

const COUNT = 500;

/** MNIST images `start .. start + COUNT` of a split, `[COUNT, 28, 28, 1]` in [-1, 1]. */
async function digits(split: 'train' | 'test', start: number): Promise<tf.Tensor4D> {
  const { images } = await loadDataset('mnist', split);
  const bytes = images.subarray(start * 784, (start + COUNT) * 784);
  return tf.tidy(() =>
    tf.sub(tf.div(tf.tensor4d(bytes, [COUNT, 28, 28, 1], 'float32'), 127.5), 1),
  ) as tf.Tensor4D;
}

describe('slicedWasserstein on MNIST digits (wasm)', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });

  it('finds real digits far closer to other real digits than to blurred digits or noise', async () => {
    const before = tf.memory().numTensors;
    const [train, test] = await Promise.all([digits('train', 0), digits('test', 0)]);
    const blurred = tf.tidy(() => {
      const taps = [1, 4, 6, 4, 1];
      const binomial = tf.tensor4d(
        taps.flatMap((a) => taps.map((b) => (a * b) / 256)),
        [5, 5, 1, 1],
      );
      return tf.conv2d(test, binomial, 1, 'same');
    });
    const noise = tf.randomUniform([COUNT, 28, 28, 1], -1, 1, 'float32', 3) as tf.Tensor4D;
    const real = await patchDescriptors(train, { seed: 1 });
    const distance = async (images: tf.Tensor4D) =>
      slicedWasserstein(real, await patchDescriptors(images, { seed: 2 }), {
        seed: 7,
        directions: 128,
      });
    const [realToReal, realToBlurred, realToNoise] = [
      await distance(test),
      await distance(blurred),
      await distance(noise),
    ];
    tf.dispose([train, test, blurred, noise]);
    expect(tf.memory().numTensors).toBe(before);
    expect(realToReal.sizes).toEqual([
      [28, 28],
      [14, 14],
    ]);
    expect(realToReal.average).toBeLessThan(0.5 * realToBlurred.average);
    expect(realToReal.distances[0]).toBeLessThan(0.3 * (realToBlurred.distances[0] as number));
    expect(realToReal.average).toBeLessThan(0.2 * realToNoise.average);
  });
});
