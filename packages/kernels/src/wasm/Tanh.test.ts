import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { onBackend } from '../test-support.js';

describe('Tanh on wasm', () => {
  it("gives the cpu backend's values to a few float32 roundings, over the whole range, tails included", async () => {
    // Near 0, around the switch at 0.625, large and saturated, negative; 1,003 values (3 in a tail).
    const values = Float32Array.from({ length: 1003 }, (_, i) => {
      const t = (i - 501) / 500;
      return Math.sign(t) * (Math.abs(t) ** 3 * 12 + (i % 7) * 1e-6);
    });
    const special = [0, -0, 1e-30, 0.625, -0.625, 9, 20, -88, 1e30, Number.NaN];
    const run = () =>
      tf.tidy(() => [
        Array.from(tf.tanh(tf.tensor1d(values)).dataSync()),
        Array.from(tf.tanh(tf.tensor1d(special)).dataSync()),
      ]);
    const [cpu, cpuSpecial] = await onBackend('cpu', run);
    const [wasm, wasmSpecial] = await onBackend('wasm', run);
    const relative = (got: number[], want: number[]) =>
      Math.max(
        ...got.map(
          (v, i) => Math.abs(v - (want[i] ?? 0)) / Math.max(Math.abs(want[i] ?? 0), 1e-30),
        ),
      );
    expect(relative(wasm as number[], cpu as number[])).toBeLessThan(1e-6);
    expect(relative((wasmSpecial as number[]).slice(0, 9), cpuSpecial as number[])).toBeLessThan(
      1e-6,
    );
    expect(Object.is(wasmSpecial?.[1], -0)).toBe(true);
    expect(wasmSpecial?.slice(6, 9)).toEqual([1, -1, 1]);
    expect(wasmSpecial?.[9]).toBeNaN();
  });
});
