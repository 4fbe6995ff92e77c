import { buildModels, defaultModelConfigFor, type ModelConfig } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig } from './config.js';
import { createDcgan, type Dcgan } from './dcgan.js';
import { fakeReals, onBackend, readWeightValues } from './test-support.js';
import { discriminatorStep, generatorStep, trainStep } from './train-step.js';

// The Radford DCGAN at 32x32 colour, narrow, so that the test stays short.
const model: ModelConfig = {
  ...defaultModelConfigFor(32, 3),
  radford: { imageSize: 32, channels: 3, generatorWidth: 8, discriminatorWidth: 8 },
} as ModelConfig;
const newDcgan = (train = defaultTrainConfig()): Dcgan =>
  createDcgan(train, model, buildModels(model, { seeds: { generator: 1, discriminator: 2 } }));
const noiseFrom = (seed: number) => (n: number) =>
  tf.randomNormal([n, 100], 0, 1, 'float32', seed++) as tf.Tensor2D;

describe('the training step of a Radford DCGAN', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('takes its losses from logits, each step moving only its own model, and leaves no tensor', async () => {
    const dcgan = newDcgan();
    expect(dcgan.discriminatorLogits?.outputs[0]?.shape).toEqual([null, 1]);
    const reals = fakeReals(4, 1, 32, 3);
    await trainStep(dcgan, reals, noiseFrom(10));
    const before = tf.memory().numTensors;
    const metrics = await trainStep(dcgan, reals, noiseFrom(20));
    expect(tf.memory().numTensors).toBe(before);
    expect(Number.isFinite(metrics.discriminatorLoss + metrics.generatorLoss)).toBe(true);
    const [g, d] = await Promise.all([dcgan.generator, dcgan.discriminator].map(readWeightValues));
    await discriminatorStep(dcgan, reals, noiseFrom(30)(4));
    expect(await readWeightValues(dcgan.generator)).toEqual(g);
    expect(await readWeightValues(dcgan.discriminator)).not.toEqual(d);
    const d2 = await readWeightValues(dcgan.discriminator);
    await generatorStep(dcgan, noiseFrom(40)(4));
    expect(await readWeightValues(dcgan.discriminator)).toEqual(d2);
    expect(await readWeightValues(dcgan.generator)).not.toEqual(g);
    reals.dispose();
    dcgan.gan.dispose();
  });

  it('augments what the discriminator sees from a seeded stream, the same seed the same losses', async () => {
    const train = {
      ...defaultTrainConfig(),
      augment: { color: true, translation: 0.125, cutout: 0.5 },
    };
    const losses = [];
    for (let run = 0; run < 2; run++) {
      const dcgan = newDcgan(train);
      expect(dcgan.augment?.policy).toEqual(train.augment);
      const reals = fakeReals(4, 1, 32, 3);
      losses.push(await trainStep(dcgan, reals, noiseFrom(10)));
      reals.dispose();
      dcgan.gan.dispose();
    }
    expect(losses[1]).toEqual(losses[0]);
    const plain = newDcgan();
    const reals = fakeReals(4, 1, 32, 3);
    expect(await trainStep(plain, reals, noiseFrom(10))).not.toEqual(losses[0]);
    reals.dispose();
    plain.gan.dispose();
  });
});
