import { buildDiscriminator, buildGenerator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator, evaluateGenerator } from './evaluate-generator.js';
import { onBackend } from './test-support.js';

describe('evaluating a generator (wasm)', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('gives plain, reproducible figures in their ranges, and frees what it loaded', async () => {
    const generator = buildGenerator({}, { seed: 1 });
    const discriminator = buildDiscriminator({}, { seed: 2 });
    const before = tf.memory().numTensors;
    const evaluator = await createEvaluator('mnist');
    const a = await evaluator.evaluate({ generator, discriminator, samples: 100, seed: 3 });
    const b = await evaluator.evaluate({ generator, samples: 100, seed: 3 });
    evaluator.dispose();
    expect(tf.memory().numTensors).toBe(before);

    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(a).toMatchObject({ dataset: 'mnist', samples: 100, seed: 3 });
    expect(a.classShares).toHaveLength(10);
    expect(a.classShares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
    expect(a.classifierScore).toBeGreaterThanOrEqual(1);
    expect(a.classifierScore).toBeLessThanOrEqual(10);
    expect(a.discriminatorAccuracy).toBeGreaterThanOrEqual(0);
    expect(a.discriminatorAccuracy).toBeLessThanOrEqual(1);
    expect(a.baselines.realTestClassifierScore).toBeGreaterThan(9);
    expect(a.frechetDistance).toBeGreaterThan(10 * a.baselines.realTrainVsTestFrechetDistance);
    expect(b).toEqual({
      ...a,
      discriminatorAccuracy: undefined,
      discriminatorRealsCalledReal: undefined,
      discriminatorFakesCalledFake: undefined,
    });
    expect('discriminatorAccuracy' in b).toBe(false);
    generator.dispose();
    discriminator.dispose();
  });

  it('evaluateGenerator loads the right data set and frees everything', async () => {
    const generator = buildGenerator({}, { seed: 4 });
    const before = tf.memory().numTensors;
    const evaluation = await evaluateGenerator({
      generator,
      dataset: 'fashion',
      samples: 50,
      seed: 5,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(evaluation.dataset).toBe('fashion');
    expect(Number.isFinite(evaluation.frechetDistance)).toBe(true);
    generator.dispose();
  });

  it('adds, for a conditional generator, the share of each class read as asked', async () => {
    const conditional = { classes: 10 };
    const generator = buildGenerator({}, { seed: 6, conditional });
    const discriminator = buildDiscriminator({}, { seed: 7, conditional });
    const before = tf.memory().numTensors;
    const evaluation = await evaluateGenerator({
      generator,
      discriminator,
      dataset: 'mnist',
      samples: 100,
      seed: 8,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(evaluation.classAccuracy).toHaveLength(10);
    expect(evaluation.classAccuracy?.every((share) => share >= 0 && share <= 1)).toBe(true);
    const mean = (evaluation.classAccuracy ?? []).reduce((sum, share) => sum + share, 0) / 10;
    expect(evaluation.meanClassAccuracy).toBeCloseTo(mean, 12);
    expect(evaluation.discriminatorAccuracy).toBeGreaterThanOrEqual(0);
    expect(evaluation.classShares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
    generator.dispose();
    discriminator.dispose();
  });
});
