import { SeededRandom } from '@dcgan/data';
import { buildDiscriminator, buildGenerator, defaultModelConfig } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  averageDecayAt,
  createAverageGenerator,
  updateAverageGenerator,
} from './average-generator.js';
import { defaultTrainConfig } from './config.js';
import { createDcgan, disposeDcgan } from './dcgan.js';
import { fakeReals, onBackend, relativeError, weightValues } from './test-support.js';
import { train } from './trainer.js';

const models = defaultModelConfig();
const config = models.generator;

describe('the moving average of the generator', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('starts as a copy of the generator, in weights of its own', () => {
    const generator = buildGenerator(config, { seed: 1 });
    const average = createAverageGenerator(generator, models);
    expect(weightValues(average)).toEqual(weightValues(generator));
    tf.tidy(() => {
      const first = generator.weights[0] as (typeof generator.weights)[number];
      first.write(tf.zerosLike(first.read()));
    });
    expect(weightValues(average)).not.toEqual(weightValues(generator));
    average.dispose();
    generator.dispose();
  });

  it('moves each weight by (1 - decay) of the way to the generator, leaving no tensor', () => {
    const generator = buildGenerator(config, { seed: 1 });
    const average = buildGenerator(config, { seed: 7 });
    const [before, trained] = [weightValues(average), weightValues(generator)];
    const tensors = tf.memory().numTensors;
    updateAverageGenerator(average, generator, 0.9);
    expect(tf.memory().numTensors).toBe(tensors);
    const expected = Object.fromEntries(
      Object.entries(before).map(([name, values]) => [
        name,
        values.map((v, i) => 0.9 * v + 0.1 * (trained[name]?.[i] as number)),
      ]),
    );
    const after = weightValues(average);
    expect(Object.keys(after)).toEqual(Object.keys(expected));
    for (const name of Object.keys(expected)) {
      expect(relativeError(after[name], expected[name]), name).toBeLessThan(1e-6);
    }
    average.dispose();
    generator.dispose();
  });

  it('warms up as TensorFlow does: min(decay, (1 + step) / (10 + step))', () => {
    expect(averageDecayAt(0.999, 0)).toBeCloseTo(0.1, 12);
    expect(averageDecayAt(0.999, 90)).toBeCloseTo(0.91, 12);
    expect(averageDecayAt(0.999, 20_000)).toBe(0.999);
    expect(averageDecayAt(0.5, 20)).toBe(0.5);
    // From the first iteration, the initial weights' share of the average: the product of the decays.
    let initialShare = 1;
    for (let step = 0; step < 1_000; step++) initialShare *= averageDecayAt(0.999, step);
    expect(initialShare).toBeLessThan(1e-3);
  });

  it('is updated by the training loop when train.averageDecay is above 0', async () => {
    const dcgan = createDcgan({ ...defaultTrainConfig(), averageDecay: 0.5 }, undefined, {
      generator: buildGenerator(config, { seed: 1 }),
      discriminator: buildDiscriminator({}, { seed: 2 }),
    });
    const average = dcgan.average?.generator;
    if (!average) throw new Error('createDcgan made no average generator');
    const start = weightValues(average);
    let seed = 3;
    const sampler = { next: () => tf.tidy(() => fakeReals(4, seed++)) } as Parameters<
      typeof train
    >[0]['sampler'];
    const noiseRandom = new SeededRandom(4);
    const loop = { dcgan, sampler, noiseRandom };
    await train({ ...loop, config: { iterations: 1, sampleInterval: 1 } }); // makes Adam's moments
    const tensors = tf.memory().numTensors;
    await train({ ...loop, config: { iterations: 3, sampleInterval: 1 }, startStep: 1 });
    expect(tf.memory().numTensors).toBe(tensors);
    const [now, trained] = [weightValues(average), weightValues(dcgan.generator)];
    const kernel = 'g_dense/kernel';
    expect(relativeError(now[kernel], start[kernel])).toBeGreaterThan(0);
    expect(relativeError(now[kernel], trained[kernel])).toBeGreaterThan(0);
    disposeDcgan(dcgan);
  });

  it('takes the warm-up decay in the loop: after one iteration, 0.1 of the start', async () => {
    const dcgan = createDcgan({ ...defaultTrainConfig(), averageDecay: 0.999 }, undefined, {
      generator: buildGenerator(config, { seed: 1 }),
      discriminator: buildDiscriminator({}, { seed: 2 }),
    });
    const average = dcgan.average?.generator;
    if (!average) throw new Error('createDcgan made no average generator');
    const kernel = 'g_dense/kernel';
    const start = weightValues(average)[kernel] as number[];
    const sampler = { next: () => fakeReals(4, 5) } as Parameters<typeof train>[0]['sampler'];
    const loop = { dcgan, sampler, noiseRandom: new SeededRandom(6) };
    await train({ ...loop, config: { iterations: 1, sampleInterval: 1 } });
    const trained = weightValues(dcgan.generator)[kernel] as number[];
    const expected = start.map((value, i) => 0.1 * value + 0.9 * (trained[i] as number));
    expect(relativeError(weightValues(average)[kernel], expected)).toBeLessThan(1e-5);
    disposeDcgan(dcgan);
  });
});
