import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { type GeneratorLike, generateValues, latentPoints } from './generate-values.js';

// A stand-in generator z [batch, 3] -> [batch, 2, 2, 1]: these functions only call predict.
const weights = [0.5, -1, 2, 0.1, 0.3, 0.2, -0.4, 1, 0, 1, 1, -1];
const generator: GeneratorLike = {
  inputs: [{ shape: [null, 3] }],
  predict: (z) =>
    tf.tidy(() =>
      tf.reshape(tf.tanh(tf.matMul(z as tf.Tensor2D, tf.tensor2d(weights, [3, 4]))), [-1, 2, 2, 1]),
    ),
};

describe('generateValues', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('runs the generator on the seeded noise of @dcgan/models generate', async () => {
    const images = await generateValues(generator, 5, 42);
    const expected = tf.tidy(() =>
      generator.predict(tf.randomNormal([5, 3], 0, 1, 'float32', 42)),
    ) as tf.Tensor;
    expect([images.count, images.size]).toEqual([5, 2]);
    expect(Array.from(images.values)).toEqual(Array.from(expected.dataSync()));
    expected.dispose();
  });

  it('gives other images for another seed, and leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const [a, b] = await Promise.all([
      generateValues(generator, 2, 1),
      generateValues(generator, 2, 2),
    ]);
    expect(Array.from(a.values)).not.toEqual(Array.from(b.values));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('splits the noise into latent points', () => {
    const points = latentPoints(4, 3, 7);
    expect(points.map((p) => p.length)).toEqual([3, 3, 3, 3]);
    expect(Array.from(points[1] as Float32Array)).not.toEqual(
      Array.from(points[0] as Float32Array),
    );
  });
});

// A stand-in conditional generator: z [batch, 3] and a class [batch, 2] -> [batch, 2, 2, 1].
const conditionalGenerator: GeneratorLike = {
  inputs: [{ shape: [null, 3] }, { shape: [null, 2] }],
  predict: (inputs) =>
    tf.tidy(() => {
      const [z, label] = inputs as tf.Tensor2D[];
      const joined = tf.concat([z as tf.Tensor2D, label as tf.Tensor2D], 1);
      return tf.reshape(tf.tanh(tf.matMul(joined, tf.ones([5, 4]))), [-1, 2, 2, 1]);
    }),
};

describe('generateValues on a conditional generator', () => {
  it('feeds the classes asked for one-hot, in turn by default', async () => {
    const run = (labels: number[][]) =>
      tf.tidy(() =>
        Array.from(
          (
            conditionalGenerator.predict([
              tf.randomNormal([2, 3], 0, 1, 'float32', 5),
              tf.tensor2d(labels),
            ]) as tf.Tensor
          ).dataSync(),
        ),
      );
    expect(Array.from((await generateValues(conditionalGenerator, 2, 5, 1)).values)).toEqual(
      run([
        [0, 1],
        [0, 1],
      ]),
    );
    expect(Array.from((await generateValues(conditionalGenerator, 2, 5)).values)).toEqual(
      run([
        [1, 0],
        [0, 1],
      ]),
    );
    await expect(generateValues(conditionalGenerator, 1, 5, 2)).rejects.toThrow(
      "class 2 is not one of this generator's classes (0 to 1)",
    );
    await expect(generateValues(generator, 1, 5, 0)).rejects.toThrow('unconditional');
  });
});
