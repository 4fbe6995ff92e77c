import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGenerator } from './build-generator.js';
import { generate } from './generate.js';
import { useCpuBackend } from './test-backend.js';

describe('generate', () => {
  beforeAll(useCpuBackend);

  it('makes [count, 28, 28, 1] in [-1, 1], the same for the same seed', () => {
    const generator = buildGenerator();
    const a = generate(generator, 5, { seed: 42 });
    const b = generate(generator, 5, { seed: 42 });
    const c = generate(generator, 5, { seed: 43 });
    expect(a.shape).toEqual([5, 28, 28, 1]);
    expect(Math.max(...tf.abs(a).dataSync())).toBeLessThanOrEqual(1);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(c.dataSync()));
    tf.dispose([a, b, c]);
  });

  it('leaks no tensor', () => {
    const generator = buildGenerator();
    generate(generator, 2, { seed: 1 }).dispose();
    const before = tf.memory().numTensors;
    generate(generator, 4, { seed: 2 }).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a seed of 0, which TensorFlow.js would take as no seed', () => {
    expect(() => generate(buildGenerator(), 2, { seed: 0 })).toThrow(
      /seed must be a positive integer/,
    );
  });

  it('rejects a bad count', () => {
    expect(() => generate(buildGenerator(), 0)).toThrow('count must be a positive integer, got 0');
  });
});
