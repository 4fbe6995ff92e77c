import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBackend, relativeError } from '../test-support.js';
import { useNativeKernels } from './native-kernels.js';
import { registerWasmTrainingKernels } from './register.js';

type Case = { x: number[]; filter: number[]; stride: number; pad: 'same' | 'valid' };
const cases: Record<string, Case> = {
  'discriminator conv 1 (28x28x1, 32 filters, stride 2, same)': {
    x: [4, 28, 28, 1],
    filter: [3, 3, 1, 32],
    stride: 2,
    pad: 'same',
  },
  'discriminator conv 3 (7x7x64, 128 filters, stride 2, valid)': {
    x: [4, 7, 7, 64],
    filter: [3, 3, 64, 128],
    stride: 2,
    pad: 'valid',
  },
  'stride 1, same, batch 1': { x: [1, 9, 9, 3], filter: [3, 3, 3, 5], stride: 1, pad: 'same' },
  'stride 1, valid, 5x5 kernel': {
    x: [2, 10, 10, 2],
    filter: [5, 5, 2, 4],
    stride: 1,
    pad: 'valid',
  },
  'stride 2, same, odd input, 4x4 kernel': {
    x: [2, 13, 11, 3],
    filter: [4, 4, 3, 2],
    stride: 2,
    pad: 'same',
  },
  "the generator's output layer (28x28x1 from 14x14x64, stride 2, same)": {
    x: [2, 28, 28, 1],
    filter: [3, 3, 1, 64],
    stride: 2,
    pad: 'same',
  },
  'one channel, 7 filters (a partial vector), stride 1, odd sizes': {
    x: [1, 7, 6, 1],
    filter: [3, 3, 1, 7],
    stride: 1,
    pad: 'same',
  },
  "a Radford discriminator's first layer (32x32x3, 4x4, 20 filters: a block of 16 and one of 4)": {
    x: [2, 32, 32, 3],
    filter: [4, 4, 3, 20],
    stride: 2,
    pad: 'same',
  },
  'two channels, 36 filters, 4x4, stride 1, valid, odd sizes': {
    x: [1, 9, 7, 2],
    filter: [4, 4, 2, 36],
    stride: 1,
    pad: 'valid',
  },
  'one channel, 5x5, 16 filters, stride 2, same, odd sizes': {
    x: [2, 11, 10, 1],
    filter: [5, 5, 1, 16],
    stride: 2,
    pad: 'same',
  },
  'stride 3, valid, non-square': {
    x: [1, 12, 17, 2],
    filter: [2, 3, 2, 3],
    stride: 3,
    pad: 'valid',
  },
};

describe('Conv2DBackpropFilter on wasm', () => {
  beforeAll(async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('cpu');
  });
  afterAll(() => useNativeKernels(true));

  for (const [name, c] of Object.entries(cases)) {
    it(`matches the cpu backend: ${name}`, async () => {
      await tf.setBackend('cpu');
      const x = tf.randomNormal(c.x, 0, 1, 'float32', 1).arraySync();
      const filter = tf.randomNormal(c.filter, 0, 1, 'float32', 2).arraySync();
      const gradient = () =>
        tf.tidy(() => {
          const [dx, df] = tf.grads((a: tf.Tensor, f: tf.Tensor) =>
            tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad))),
          )([tf.tensor4d(x as number[][][][]), tf.tensor4d(filter as number[][][][])]);
          return [dx?.arraySync(), df?.arraySync()];
        });
      const cpu = await onBackend('cpu', gradient);
      // Native: direct accumulation (few taps or channels), Winograd or im2col; else im2col.
      for (const native of [true, false]) {
        useNativeKernels(native);
        const wasm = await onBackend('wasm', gradient);
        const how = native ? 'native kernels' : 'JavaScript im2col';
        expect(relativeError(wasm[1], cpu[1]), `dfilter, ${how}`).toBeLessThan(1e-5);
        expect(relativeError(wasm[0], cpu[0]), `dx, ${how}`).toBeLessThan(1e-5);
      }
    });
  }
});
