import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readScalars } from './read-scalars.js';
import { onBackend, stopWebgpu, webgpuUnavailable } from './test-support.js';

const webgpuMissing = await webgpuUnavailable();
afterAll(stopWebgpu);

describe('readScalars', () => {
  for (const backend of ['cpu', 'wasm', 'webgpu'] as const) {
    const skip = backend === 'webgpu' && webgpuMissing;
    it.skipIf(skip)(
      `reads computed scalars in order and disposes them (${backend}${skip ? `: skipped, ${skip}` : ''})`,
      async () => {
        await onBackend(backend, () => undefined);
        const before = tf.memory().numTensors;
        const scalars = tf.tidy(() => [
          tf.sum(tf.tensor1d([1, 2, 3])) as tf.Scalar,
          tf.mul(tf.scalar(2), tf.scalar(0.25)) as tf.Scalar,
        ]);
        expect(await readScalars(scalars)).toEqual([6, 0.5]);
        expect(tf.memory().numTensors).toBe(before);
      },
    );
  }
});
