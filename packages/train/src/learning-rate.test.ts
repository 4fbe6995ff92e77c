import { createBatchSampler, SeededRandom } from '@dcgan/data';
import { buildDiscriminator, buildGenerator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig } from './config.js';
import { createDcgan, disposeDcgan } from './dcgan.js';
import { learningRatesAt, setLearningRate } from './learning-rate.js';
import { onBackend } from './test-support.js';
import { train } from './trainer.js';

const config = (fields: Partial<ReturnType<typeof defaultTrainConfig>> = {}) => ({
  ...defaultTrainConfig(),
  iterations: 11,
  ...fields,
});

describe('learning-rate schedule', () => {
  it("is the spec's one constant rate by default", () => {
    for (const step of [0, 5, 10]) {
      expect(learningRatesAt(config(), step)).toEqual({ generator: 0.001, discriminator: 0.001 });
    }
  });

  it('gives each model its own rate when set (two time-scale updates)', () => {
    const rates = learningRatesAt(config({ generatorLearningRate: 4e-4 }), 3);
    expect(rates).toEqual({ generator: 4e-4, discriminator: 0.001 });
    const both = config({ generatorLearningRate: 1e-4, discriminatorLearningRate: 4e-4 });
    expect(learningRatesAt(both, 0)).toEqual({ generator: 1e-4, discriminator: 4e-4 });
  });

  it('decays linearly from the start share of the run to the floor at the last iteration', () => {
    const decaying = config({ learningRateDecayStart: 0.5, learningRateFloor: 0.1 });
    const generatorRate = (step: number) => learningRatesAt(decaying, step).generator;
    // iterations 11: constant through step 5, then (step - 5) / 5 of the way to 0.1x at step 10.
    expect([0, 4, 5].map(generatorRate)).toEqual([0.001, 0.001, 0.001]);
    expect(generatorRate(7)).toBeCloseTo(0.001 * (1 - 0.4 * 0.9), 12);
    expect(generatorRate(10)).toBeCloseTo(0.0001, 12);
    const toZero = config({ learningRateDecayStart: 0, learningRateFloor: 0 });
    expect(learningRatesAt(toZero, 10).discriminator).toBe(0);
    expect(learningRatesAt(toZero, 0).discriminator).toBe(0.001);
  });
});

describe('learning rates in training (wasm)', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it("setLearningRate changes the size of Adam's next step", () => {
    const stepSize = (rate: number) =>
      tf.tidy(() => {
        const x = tf.variable(tf.scalar(0));
        const adam = tf.train.adam(0.1);
        setLearningRate(adam, rate);
        adam.minimize(() => tf.square(tf.sub(x, 1)) as tf.Scalar, false, [x]);
        const moved = x.dataSync()[0] as number;
        adam.dispose();
        x.dispose();
        return moved;
      });
    // Adam's first step moves by the rate itself (the bias-corrected ratio is 1).
    expect(stepSize(0.1)).toBeCloseTo(0.1, 5);
    expect(stepSize(0.025)).toBeCloseTo(0.025, 5);
  });

  it('the loop sets both optimizers to the schedule before each iteration', async () => {
    const dcgan = createDcgan(defaultTrainConfig(), undefined, {
      generator: buildGenerator({}, { seed: 1 }),
      discriminator: buildDiscriminator({}, { seed: 2 }),
    });
    const count = 8;
    const dataset = {
      images: new Uint8Array(count * 28 * 28).map((_, i) => (i * 7) % 256),
      labels: new Uint8Array(count),
      count,
      height: 28,
      width: 28,
    };
    const seen: number[][] = [];
    const rateOf = (optimizer: tf.AdamOptimizer) => optimizer.getConfig().learningRate as number;
    const schedule = (step: number) => ({
      generator: (step + 1) * 1e-4,
      discriminator: (step + 1) * 1e-5,
    });
    const sampler = createBatchSampler(dataset, { batchSize: 4, seed: 1 });
    await train({
      dcgan,
      sampler,
      noiseRandom: new SeededRandom(3),
      config: { iterations: 3, sampleInterval: 3 },
      learningRates: schedule,
      callbacks: {
        onStep: () => {
          seen.push([rateOf(dcgan.generatorOptimizer), rateOf(dcgan.discriminatorOptimizer)]);
        },
      },
    });
    expect(seen).toEqual([0, 1, 2].map((step) => Object.values(schedule(step))));
    disposeDcgan(dcgan);
  });
});
