import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend, relativeError } from '../test-support.js';

describe('matrix multiplies on wasm', () => {
  for (const [transposeA, transposeB] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const) {
    it(`match the cpu backend with transposeA ${transposeA}, transposeB ${transposeB}, batched, and fused in 2-D`, async () => {
      const run = () =>
        tf.tidy(() => {
          const a = tf.randomNormal(transposeA ? [3, 7, 5] : [3, 5, 7], 0, 1, 'float32', 1);
          const b = tf.randomNormal(transposeB ? [3, 4, 7] : [3, 7, 4], 0, 1, 'float32', 2);
          const bias = tf.randomNormal([4], 0, 1, 'float32', 3);
          const plain = tf.matMul(a, b, transposeA, transposeB);
          // Fused, as a Dense layer runs it: 2-D (tfjs-wasm's own fused kernel mishandles batches).
          const [a2, b2] = [
            tf.reshape(tf.slice(a, 0, 1), a.shape.slice(1)),
            tf.reshape(tf.slice(b, 0, 1), b.shape.slice(1)),
          ];
          const fused = tf.fused.matMul({
            a: a2 as tf.Tensor2D,
            b: b2 as tf.Tensor2D,
            transposeA,
            transposeB,
            bias,
            activation: 'relu',
          });
          return [plain.arraySync(), fused.arraySync()];
        });
      const cpu = await onBackend('cpu', run);
      const wasm = await onBackend('wasm', run);
      expect(relativeError(wasm[0], cpu[0])).toBeLessThan(1e-6);
      expect(relativeError(wasm[1], cpu[1])).toBeLessThan(1e-6);
    });
  }
});
