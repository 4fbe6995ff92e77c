import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend } from '../test-support.js';

/** Runs `make` on cpu and on wasm (with the training kernels) and returns both results. */
async function onBoth(make: () => tf.Tensor): Promise<{ cpu: unknown; wasm: unknown }> {
  const run = () => tf.tidy(() => make().arraySync());
  return { cpu: await onBackend('cpu', run), wasm: await onBackend('wasm', run) };
}

describe('Add, Sub and Multiply with a per-channel operand on wasm', () => {
  const operations = { add: tf.add, sub: tf.sub, mul: tf.mul } as const;
  for (const [full, channel] of [
    [[3, 14, 14, 64], [64]],
    [
      [2, 5, 5, 7],
      [1, 1, 1, 7],
    ],
    [
      [6, 10],
      [1, 10],
    ],
    [[4, 3], [3]],
  ]) {
    for (const [name, op] of Object.entries(operations)) {
      it(`${name} of ${full} and ${channel}, both ways round, equals the cpu backend's`, async () => {
        const { cpu, wasm } = await onBoth(() => {
          const a = tf.randomNormal(full as number[], 0, 2, 'float32', 1);
          const b = tf.randomNormal(channel as number[], 1, 2, 'float32', 2);
          return tf.stack([op(a, b), op(b, a)]);
        });
        expect(wasm).toEqual(cpu);
      });
    }
  }

  it('leaves other shapes and types to the backend, and leaks nothing', async () => {
    const { cpu, wasm } = await onBoth(() => {
      const a = tf.randomNormal([2, 3, 4], 0, 1, 'float32', 3);
      const rowwise = tf.randomNormal([2, 1, 1], 0, 1, 'float32', 4);
      const ints = tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32');
      return tf.concat([
        tf.reshape(tf.sub(a, rowwise), [-1]),
        tf.reshape(tf.cast(tf.mul(ints, tf.tensor1d([2, 3], 'int32')), 'float32'), [-1]),
        tf.reshape(tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])), [-1]),
      ]);
    });
    expect(wasm).toEqual(cpu);
    await onBackend('wasm', () => {
      const before = tf.memory().numTensors;
      tf.dispose(tf.tidy(() => tf.mul(tf.ones([4, 8]), tf.ones([8]))));
      expect(tf.memory().numTensors).toBe(before);
    });
  });
});

describe('Tile of a per-channel tensor and the gradient of Mean on wasm', () => {
  it('broadcast as the cpu backend does, other tiles too', async () => {
    const { cpu, wasm } = await onBoth(() => {
      const channel = tf.randomNormal([1, 1, 1, 6], 0, 1, 'float32', 5);
      const other = tf.randomNormal([2, 1, 3], 0, 1, 'float32', 6);
      return tf.concat([
        tf.reshape(tf.broadcastTo(channel, [3, 4, 5, 6]), [-1]),
        tf.reshape(tf.tile(other, [1, 2, 2]), [-1]),
      ]);
    });
    expect(wasm).toEqual(cpu);
  });

  for (const [shape, axes] of [
    [
      [3, 5, 5, 8],
      [0, 1, 2],
    ],
    [[4, 6], [1]],
    [
      [2, 3, 4],
      [0, 2],
    ],
  ] as const) {
    it(`gives the gradient of a mean of ${shape} over axes ${axes} as the cpu backend does`, async () => {
      const { cpu, wasm } = await onBoth(() => {
        const x = tf.randomNormal([...shape], 0, 1, 'float32', 7);
        const weights = tf.randomNormal(
          shape.filter((_, i) => !(axes as readonly number[]).includes(i)),
          0,
          1,
          'float32',
          8,
        );
        return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.mean(t, [...axes]), weights)))(x);
      });
      expect(wasm).toEqual(cpu);
    });
  }
});
