import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { FusedAdamOptimizer } from './fused-adam.js';
import { onBackend } from './test-support.js';
import { nativeKernels } from './wasm/native-kernels.js';

/** Three updates of two variables (one of a size not a multiple of 4) by `optimizer`; its results. */
function train(optimizer: tf.AdamOptimizer, tag: string) {
  const weights = [
    tf.variable(tf.randomNormal([37, 5], 0, 1, 'float32', 1), true, `${tag}/kernel`),
    tf.variable(tf.randomNormal([8], 0, 1, 'float32', 2), true, `${tag}/bias`),
  ];
  for (let step = 0; step < 3; step++) {
    if (step === 2) (optimizer as unknown as { learningRate: number }).learningRate = 0.0004;
    tf.tidy(() => {
      const grads = weights.map((w, i) =>
        tf.mul(tf.randomNormal(w.shape, 0, 1e-3 * (i + 1), 'float32', 10 * step + i + 1), w),
      );
      optimizer.applyGradients(
        weights.map((w, i) => ({ name: w.name, tensor: grads[i] as tf.Tensor })),
      );
    });
  }
  return weights.map((w) => Array.from(w.dataSync()));
}

describe('FusedAdamOptimizer', () => {
  it("gives tfjs's Adam's weights and state, bit for bit, in one native pass a variable", async () => {
    await onBackend('wasm', async () => {
      expect(nativeKernels(tf.backend())).toBeDefined();
      const tfjs = tf.train.adam(0.001, 0.5, 0.999, 1e-7);
      const fused = new FusedAdamOptimizer(0.001, 0.5, 0.999, 1e-7);
      expect(train(fused, 'fused')).toEqual(train(tfjs, 'tfjs'));
      const [a, b] = await Promise.all([tfjs.getWeights(), fused.getWeights()]);
      expect(b.map((w) => w.name.replace('fused', 'tfjs'))).toEqual(a.map((w) => w.name));
      expect(b.map((w) => Array.from(w.tensor.dataSync()))).toEqual(
        a.map((w) => Array.from(w.tensor.dataSync())),
      );
      // No Sqrt or RealDiv kernel: the whole update is the native pass.
      const counted = new FusedAdamOptimizer(0.001, 0.9, 0.999);
      const profile = await tf.profile(() => train(counted, 'counted'));
      expect(profile.kernels.filter((k) => ['Sqrt', 'RealDiv'].includes(k.name))).toEqual([]);
      tf.dispose([a[0]?.tensor, b[0]?.tensor] as tf.Tensor[]); // the iteration counts
      for (const optimizer of [tfjs, fused, counted]) optimizer.dispose();
      tf.disposeVariables();
      // What tfjs's own Adam leaves after its dispose (1 tensor an optimizer in tfjs 4.22), no more.
      const leftover = (optimizer: tf.AdamOptimizer) => {
        const start = tf.memory().numTensors;
        train(optimizer, `leftover-${start}`);
        optimizer.dispose();
        tf.disposeVariables();
        return tf.memory().numTensors - start;
      };
      expect(leftover(new FusedAdamOptimizer(0.001, 0.9, 0.999))).toBe(
        leftover(tf.train.adam(0.001, 0.9, 0.999)),
      );
    });
  });

  it("is tfjs's Adam on a backend without the native kernels", async () => {
    await onBackend('cpu', () => {
      const tfjs = tf.train.adam(0.01);
      const fused = new FusedAdamOptimizer(0.01, 0.9, 0.999);
      expect(train(fused, 'cpu-fused')).toEqual(train(tfjs, 'cpu-tfjs'));
      tf.disposeVariables();
    });
  });
});
