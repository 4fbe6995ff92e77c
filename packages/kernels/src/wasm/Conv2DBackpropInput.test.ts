import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBackend, relativeError } from '../test-support.js';
import { useNativeKernels } from './native-kernels.js';

type Case = {
  x: number[];
  filter: number[];
  stride: number;
  pad: 'same' | 'valid';
  skipDx?: boolean;
};
const cases: Record<string, Case> = {
  'generator block 1 (7x7x256 to 14x14x128, stride 2, same)': {
    x: [2, 7, 7, 256],
    filter: [3, 3, 128, 256],
    stride: 2,
    pad: 'same',
  },
  'generator block 2 (14x14x128 to 14x14x64, stride 1, same)': {
    x: [2, 14, 14, 128],
    filter: [3, 3, 64, 128],
    stride: 1,
    pad: 'same',
  },
  'generator output (14x14x64 to 28x28x1, stride 2, same)': {
    x: [2, 14, 14, 64],
    filter: [3, 3, 1, 64],
    stride: 2,
    pad: 'same',
  },
  'discriminator conv 3 (3x3x128 to 7x7x64, stride 2, valid)': {
    x: [2, 3, 3, 128],
    filter: [3, 3, 64, 128],
    stride: 2,
    pad: 'valid',
  },
  'batch 1, stride 2, valid, 4x4 kernel': {
    x: [1, 5, 5, 3],
    filter: [4, 4, 2, 3],
    stride: 2,
    pad: 'valid',
  },
  'stride 1, valid, 5x5 kernel': { x: [2, 6, 6, 2], filter: [5, 5, 3, 2], stride: 1, pad: 'valid' },
  "Radford's generator input (1x1x100 to 4x4x512, stride 1, valid)": {
    x: [3, 1, 1, 100],
    filter: [4, 4, 512, 100],
    stride: 1,
    pad: 'valid',
  },
  "a discriminator's verdict to 4x4x16 (1 channel, fewer than images)": {
    x: [3, 1, 1, 1],
    filter: [4, 4, 16, 1],
    stride: 1,
    pad: 'valid',
  },
  // dx of this case is tfjs-wasm's own Conv2D, which returns zeros for stride 3 with 'same' padding.
  'stride 3, same, 2x2 kernel (a phase without taps)': {
    x: [1, 4, 4, 2],
    filter: [2, 2, 3, 2],
    stride: 3,
    pad: 'same',
    skipDx: true,
  },
  'stride 2, valid, odd output (cropped phases)': {
    x: [1, 4, 4, 2],
    filter: [3, 3, 2, 2],
    stride: 2,
    pad: 'valid',
  },
};

describe('Conv2DBackpropInput (Conv2DTranspose) on wasm', () => {
  beforeAll(() => onBackend('cpu', () => undefined));
  afterAll(() => useNativeKernels(true));

  for (const [name, c] of Object.entries(cases)) {
    it(`matches the cpu backend, with its gradients: ${name}`, async () => {
      await tf.setBackend('cpu');
      const x = tf.randomNormal(c.x, 0, 1, 'float32', 1).arraySync();
      const filter = tf.randomNormal(c.filter, 0, 1, 'float32', 2).arraySync();
      const run = () =>
        tf.tidy(() => {
          const [xs, fs] = [
            tf.tensor4d(x as number[][][][]),
            tf.tensor4d(filter as number[][][][]),
          ];
          const [batch, height, width] = c.x as [number, number, number];
          const outSize = (n: number) =>
            c.pad === 'same' ? n * c.stride : (n - 1) * c.stride + (c.filter[0] as number);
          const shape: [number, number, number, number] = [
            batch,
            outSize(height),
            outSize(width),
            c.filter[2] as number,
          ];
          const f = (a: tf.Tensor, w: tf.Tensor) =>
            tf.conv2dTranspose(a as tf.Tensor4D, w as tf.Tensor4D, shape, c.stride, c.pad);
          const [dx, dw] = tf.grads((a: tf.Tensor, w: tf.Tensor) => tf.sum(tf.square(f(a, w))))([
            xs,
            fs,
          ]);
          return [f(xs, fs).arraySync(), dx?.arraySync(), dw?.arraySync()];
        });
      const cpu = run();
      // Strided or from 1x1: a matrix product and the native scatter; without the native kernels, phases.
      const product = c.stride > 1 || (c.x[1] === 1 && c.x[2] === 1);
      for (const native of product ? [true, false] : [true]) {
        useNativeKernels(native);
        const wasm = await onBackend('wasm', run);
        for (const i of c.skipDx ? [0, 2] : [0, 1, 2]) {
          const what = `${['output', 'dx', 'dfilter'][i]}${native ? '' : ', phases'}`;
          expect(relativeError(wasm[i], cpu[i]), what).toBeLessThan(1e-5);
        }
      }
    });
  }
});
