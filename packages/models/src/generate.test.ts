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

describe('generate with a conditional generator', () => {
  beforeAll(useCpuBackend);
  const generator = () => buildGenerator({}, { conditional: { classes: 10 }, seed: 9 });

  it('draws the classes asked for: one for all, or one per sample', () => {
    const g = generator();
    const sevens = generate(g, 3, { seed: 4, classes: 7 });
    const each = generate(g, 3, { seed: 4, classes: [7, 7, 7] });
    const others = generate(g, 3, { seed: 4, classes: [1, 2, 3] });
    expect(sevens.shape).toEqual([3, 28, 28, 1]);
    expect(Array.from(each.dataSync())).toEqual(Array.from(sevens.dataSync()));
    expect(Array.from(others.dataSync())).not.toEqual(Array.from(sevens.dataSync()));
    tf.dispose([sevens, each, others]);
  });

  it('takes the classes in turn when none is asked for, and leaks no tensor', () => {
    const g = generator();
    generate(g, 2, { seed: 1 }).dispose();
    const before = tf.memory().numTensors;
    const inTurn = generate(g, 12, { seed: 2 });
    const asked = generate(g, 12, { seed: 2, classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1] });
    expect(Array.from(inTurn.dataSync())).toEqual(Array.from(asked.dataSync()));
    tf.dispose([inTurn, asked]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says which class is out of range, and that an unconditional generator takes none', () => {
    expect(() => generate(generator(), 2, { classes: 10 })).toThrow(
      "class 10 is not one of this generator's classes (0 to 9)",
    );
    expect(() => generate(buildGenerator(), 2, { classes: 3 })).toThrow(
      'this generator is unconditional',
    );
  });
});
