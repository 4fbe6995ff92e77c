import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { float16Bits, quantizeFloat16 } from './float16.js';
import { useCpuBackend } from './test-backend.js';

beforeAll(useCpuBackend);

describe('float16', () => {
  it('encodes normal, subnormal, rounded, overflowing and special values as IEEE half precision', () => {
    const cases: [number, number][] = [
      [0, 0x0000],
      [-0, 0x8000],
      [1, 0x3c00],
      [-2, 0xc000],
      [0.1, 0x2e66],
      [65504, 0x7bff],
      [65520, 0x7c00],
      [2 ** -24, 0x0001],
      [2 ** -14, 0x0400],
      [1e-9, 0x0000],
      [1 + 2 ** -11, 0x3c00],
      [1 + 3 * 2 ** -11, 0x3c02],
      [Number.POSITIVE_INFINITY, 0x7c00],
    ];
    for (const [value, bits] of cases) expect([value, float16Bits(value)]).toEqual([value, bits]);
    expect(float16Bits(Number.NaN) & 0x7e00).toBe(0x7e00);
  });

  it('round-trips through TensorFlow.js weight decoding within half precision', () => {
    const values = new Float32Array([0.5, -1.25, 3.3125, 1e-3, -7e-5, 1234.5]);
    const specs = [
      { name: 'a', shape: [2, 2], dtype: 'float32' as const },
      { name: 'b', shape: [2], dtype: 'float32' as const },
    ];
    const quantized = quantizeFloat16(specs, values.buffer);
    expect(quantized.data.byteLength).toBe(values.byteLength / 2);
    const decoded = tf.io.decodeWeights(quantized.data, quantized.specs);
    const back = [...(decoded.a as tf.Tensor).dataSync(), ...(decoded.b as tf.Tensor).dataSync()];
    back.forEach((v, i) => {
      expect(Math.abs(v - (values[i] as number))).toBeLessThanOrEqual(
        Math.abs(values[i] as number) * 2 ** -11,
      );
    });
    expect(() =>
      quantizeFloat16([{ name: 'c', shape: [1], dtype: 'int32' }], new ArrayBuffer(4)),
    ).toThrow(/must be float32, got int32/);
  });
});
