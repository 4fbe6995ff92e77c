import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend, relativeError } from '../test-support.js';

describe('Sum and Mean over leading axes on wasm', () => {
  const cases: [number[], number | number[], boolean][] = [
    [[4, 5, 6, 7], [0, 1, 2], false],
    [[4, 5, 6, 7], [2, 0, 1], true],
    [[3, 5], 0, false],
    [[1, 2, 2, 3], [0, 1, 2, 3], false],
    [[4, 5, 6, 7], [1, 2], false],
    [[4, 5, 6, 7], -1, true],
    [[8, 14, 14, 128], [0, 1, 2], false],
    [[64, 300], 0, true],
    [[8, 32768], 0, false],
    [[4, 16384], 0, false],
    [[128, 25088], 0, false],
    [[1, 5], 0, false],
    [[7], 0, false],
  ];
  for (const [shape, axis, keepDims] of cases) {
    it(`match the cpu backend for shape ${shape}, axis ${axis}, keepDims ${keepDims}`, async () => {
      const run = () =>
        tf.tidy(() => {
          const x = tf.randomNormal(shape, 0, 1, 'float32', 7);
          const sum = tf.sum(x, axis, keepDims);
          const mean = tf.mean(x, axis, keepDims);
          return { shape: sum.shape, values: [sum.arraySync(), mean.arraySync()] };
        });
      const cpu = await onBackend('cpu', run);
      const wasm = await onBackend('wasm', run);
      expect(wasm.shape).toEqual(cpu.shape);
      expect(relativeError(wasm.values, cpu.values)).toBeLessThan(1e-5);
    });
  }
});
