import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend, relativeError } from '../test-support.js';
import { useNativeProducts } from './native-kernels.js';

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

  it('match the cpu backend by the native products and by XNNPACK: broadcast batches, rank 4, odd sizes, a wide product', async () => {
    const run = () =>
      tf.tidy(() =>
        (
          [
            [
              [2, 37, 29],
              [2, 29, 21],
            ],
            [
              [1, 37, 29],
              [3, 29, 21],
            ],
            [
              [3, 37, 29],
              [29, 21],
            ],
            [
              [2, 3, 5, 7],
              [2, 3, 7, 4],
            ],
            [
              [130, 9],
              [9, 600],
            ],
          ] as [number[], number[]][]
        ).map(([shapeA, shapeB], i) =>
          tf
            .matMul(
              tf.randomNormal(shapeA, 0, 1, 'float32', 2 * i + 1),
              tf.randomNormal(shapeB, 0, 1, 'float32', 2 * i + 2),
            )
            .arraySync(),
        ),
      );
    const cpu = await onBackend('cpu', run);
    for (const own of [true, false]) {
      useNativeProducts(own);
      const wasm = await onBackend('wasm', run);
      useNativeProducts(true);
      cpu.forEach((expected, i) => {
        expect(relativeError(wasm[i], expected), `product ${i}, native ${own}`).toBeLessThan(1e-6);
      });
    }
  });
});
