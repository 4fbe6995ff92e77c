import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { onBackend, relativeError } from '../test-support.js';
import { useNativeKernels } from './native-kernels.js';

/** Runs `make` on cpu and on wasm (with the training kernels) and returns both results. */
async function onBoth(make: () => tf.Tensor): Promise<{ cpu: unknown; wasm: unknown }> {
  const run = () => tf.tidy(() => make().arraySync());
  return { cpu: await onBackend('cpu', run), wasm: await onBackend('wasm', run) };
}

describe('LeakyRelu on wasm', () => {
  for (const [shape, alpha] of [
    [[2, 14, 14, 128], 0.01],
    [[1, 7, 7, 3], 0.2],
    [[5], 1.5],
  ] as const) {
    it(`matches the cpu backend for shape ${shape}, alpha ${alpha}`, async () => {
      const { cpu, wasm } = await onBoth(() =>
        tf.leakyRelu(tf.randomNormal([...shape], 0, 3, 'float32', 5), alpha),
      );
      expect(relativeError(wasm, cpu)).toBeLessThan(1e-6);
    });
  }

  it('keeps negative values exactly alpha times x', async () => {
    const { wasm } = await onBoth(() => tf.leakyRelu(tf.tensor1d([-2, -0.5, 0, 3]), 0.01));
    expect(wasm).toEqual([-0.02, -0.005, 0, 3].map(Math.fround));
  });
});

describe('BatchNorm on wasm', () => {
  const stats = (channels: number, seed: number) => ({
    mean: tf.randomNormal([channels], 0, 1, 'float32', seed),
    variance: tf.randomUniform([channels], 0.1, 2, 'float32', seed + 1),
    offset: tf.randomNormal([channels], 0, 1, 'float32', seed + 2),
    scale: tf.randomNormal([channels], 1, 0.5, 'float32', seed + 3),
  });
  for (const shape of [
    [3, 14, 14, 64],
    [1, 3, 3, 128],
    [6, 10],
  ]) {
    it(`matches the cpu backend for shape ${shape}, with and without scale and offset`, async () => {
      const channels = shape.at(-1) as number;
      const { cpu, wasm } = await onBoth(() => {
        const x = tf.randomNormal(shape, 0.5, 2, 'float32', 9);
        const { mean, variance, offset, scale } = stats(channels, 20);
        return tf.stack([
          tf.batchNorm(x, mean, variance, offset, scale, 1e-3),
          tf.batchNorm(x, mean, variance, undefined, undefined, 1e-3),
        ]);
      });
      expect(relativeError(wasm, cpu)).toBeLessThan(1e-6);
    });
  }

  it('matches the cpu backend when the statistics broadcast from a full shape', async () => {
    const { cpu, wasm } = await onBoth(() => {
      const x = tf.randomNormal([2, 4, 4, 3], 0, 1, 'float32', 3);
      const mean = tf.randomNormal([2, 4, 4, 3], 0, 1, 'float32', 4);
      return tf.batchNorm(x, mean, tf.fill([2, 4, 4, 3], 0.5), undefined, undefined, 1e-3);
    });
    expect(relativeError(wasm, cpu)).toBeLessThan(1e-6);
  });
});

describe('the gradient of BatchNorm in training on wasm', () => {
  afterAll(() => useNativeKernels(true));

  /** Gradients of a training-mode BatchNorm (statistics of the batch) in x, scale and offset. */
  const gradients = (shape: number[]) => () => {
    const channels = shape.at(-1) as number;
    const x = tf.randomNormal(shape, 0.5, 2, 'float32', 9);
    const weights = tf.randomNormal(shape, 0, 1, 'float32', 10);
    const scale = tf.randomNormal([channels], 1, 0.5, 'float32', 11);
    const offset = tf.randomNormal([channels], 0, 1, 'float32', 12);
    const axes = shape.slice(0, -1).map((_, i) => i);
    const loss = (xs: tf.Tensor, s: tf.Tensor, o: tf.Tensor) => {
      const { mean, variance } = tf.moments(xs, axes);
      return tf.sum(tf.mul(tf.batchNorm(xs, mean, variance, o, s, 1e-3), weights));
    };
    const [dx, dScale, dOffset] = tf.grads(loss)([x, scale, offset]) as tf.Tensor[];
    return tf.concat([dx, dScale, dOffset].map((g) => tf.reshape(g as tf.Tensor, [-1])));
  };

  for (const native of [true, false]) {
    for (const shape of [
      [3, 14, 14, 64],
      [2, 3, 3, 5],
      [6, 10],
    ]) {
      it(`matches the cpu backend for shape ${shape} (native kernels ${native ? 'on' : 'off'})`, async () => {
        useNativeKernels(native);
        const { cpu, wasm } = await onBoth(gradients(shape));
        expect(relativeError(wasm, cpu)).toBeLessThan(1e-4);
      });
    }
  }

  it('uses the one-pass kernel and leaks no tensors', async () => {
    useNativeKernels(true);
    await onBackend('wasm', () => {
      const before = tf.memory().numTensors;
      const profile = tf.profile(() => tf.tidy(gradients([2, 4, 4, 8])));
      return profile.then((info) => {
        expect(info.kernelNames).toContain('DcganBatchNormGradient');
        tf.dispose(info.result as tf.Tensor);
        expect(tf.memory().numTensors).toBe(before);
      });
    });
  });
});

describe('LeakyRelu and BatchNorm on wasm without the native kernels', () => {
  afterAll(() => useNativeKernels(true));

  it('match the cpu backend', async () => {
    useNativeKernels(false);
    const { cpu, wasm } = await onBoth(() => {
      const x = tf.randomNormal([2, 5, 5, 6], 0, 2, 'float32', 30);
      const stats = [0, 1, 2, 3].map((i) => tf.randomUniform([6], 0.5, 1.5, 'float32', 31 + i));
      const [mean, variance, offset, scale] = stats as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
      return tf.stack([
        tf.leakyRelu(x, 0.01),
        tf.batchNorm(x, mean, variance, offset, scale, 1e-3),
      ]);
    });
    expect(relativeError(wasm, cpu)).toBeLessThan(1e-6);
  });
});
