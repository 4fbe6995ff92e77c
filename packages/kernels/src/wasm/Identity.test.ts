import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend } from '../test-support.js';

describe('Identity and same-type Cast on wasm', () => {
  it('share the memory of x: no new buffer, and each stays readable after the other is freed', async () => {
    await onBackend('wasm', () => {
      const buffers = () => tf.engine().backend.numDataIds();
      const x = tf.tensor2d([
        [1, -2],
        [3, 4.5],
      ]);
      const before = { ...tf.memory(), buffers: buffers() };
      const copy = tf.clone(x);
      const cast = tf.cast(x, 'float32');
      expect(buffers()).toBe(before.buffers);
      expect(tf.memory().numTensors).toBe(before.numTensors + 2);
      x.dispose();
      expect(copy.arraySync()).toEqual([
        [1, -2],
        [3, 4.5],
      ]);
      copy.dispose();
      expect(cast.dataSync()).toEqual(new Float32Array([1, -2, 3, 4.5]));
      cast.dispose();
      expect(tf.memory().numTensors).toBe(before.numTensors - 1);
      expect(buffers()).toBe(before.buffers - 1);
    });
  });

  it('still converts casts to another type', async () => {
    await onBackend('wasm', () => {
      const x = tf.tensor1d([1.7, -2.2, 0]);
      const integers = tf.cast(x, 'int32');
      expect(integers.dtype).toBe('int32');
      expect(Array.from(integers.dataSync())).toEqual([1, -2, 0]);
      tf.dispose([x, integers]);
    });
  });

  it('leave gradients through clone unchanged', async () => {
    await onBackend('wasm', () => {
      const dx = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.clone(x), tf.clone(x))))(
        tf.tensor1d([1, -3]),
      );
      expect(Array.from(dx.dataSync())).toEqual([2, -6]);
      dx.dispose();
    });
  });
});
