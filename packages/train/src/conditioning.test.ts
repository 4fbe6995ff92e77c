import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBatchSampler, type ImageDataset, SeededRandom } from '@dcgan/data';
import {
  buildDiscriminator,
  buildGenerator,
  classCountOf,
  defaultModelConfig,
  oneHotClasses,
} from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from './checkpoint.js';
import { generatorInputSource, nextReals } from './conditioning.js';
import { defaultTrainConfig } from './config.js';
import { createDcgan, type Dcgan, disposeDcgan } from './dcgan.js';
import { noiseSource } from './noise.js';
import { fakeReals, onBackend, weightValues } from './test-support.js';
import { discriminatorStep, generatorStep, trainStep } from './train-step.js';
import { train } from './trainer.js';

const BATCH = 8;
const conditional = { classes: 10 };
const newDcgan = (averageDecay = 0): Dcgan =>
  createDcgan(
    { ...defaultTrainConfig(), averageDecay },
    { ...defaultModelConfig(), conditional },
    {
      generator: buildGenerator({}, { seed: 1, conditional }),
      discriminator: buildDiscriminator({}, { seed: 100, conditional }),
    },
  );
/** Reals with classes 0, 1, …, 7 one-hot. */
const labeledReals = (seed: number): [tf.Tensor4D, tf.Tensor2D] => [
  fakeReals(BATCH, seed),
  oneHotClasses([0, 1, 2, 3, 4, 5, 6, 7], 10),
];
/** Twelve pseudo-images of 28x28, image i labelled i % 10. */
const dataset: ImageDataset = {
  count: 12,
  height: 28,
  width: 28,
  labels: Uint8Array.from({ length: 12 }, (_, i) => i % 10),
  images: Uint8Array.from({ length: 12 * 784 }, (_, i) => (i * 37) % 256),
};

describe('the conditional training step (wasm)', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('gives finite positive losses and leaves tf.memory().numTensors unchanged', async () => {
    const dcgan = newDcgan();
    const reals = labeledReals(1);
    const noise = generatorInputSource(new SeededRandom(5), dcgan.generator);
    const first = await trainStep(dcgan, reals, noise); // creates Adam's moments
    const before = tf.memory().numTensors;
    const second = await trainStep(dcgan, reals, noise);
    expect(tf.memory().numTensors).toBe(before);
    for (const metrics of [first, second]) {
      expect(metrics.discriminatorLoss).toBeGreaterThan(0);
      expect(metrics.generatorLoss).toBeGreaterThan(0);
      expect(Number.isFinite(metrics.discriminatorLoss + metrics.generatorLoss)).toBe(true);
    }
    tf.dispose(reals);
    disposeDcgan(dcgan);
  });

  it('each step moves its own model alone, class embeddings included', async () => {
    const dcgan = newDcgan();
    const reals = labeledReals(2);
    const noise = generatorInputSource(new SeededRandom(6), dcgan.generator);
    const [g, d] = [weightValues(dcgan.generator), weightValues(dcgan.discriminator)];
    const z1 = noise(BATCH);
    await discriminatorStep(dcgan, reals, z1);
    expect(weightValues(dcgan.generator)).toEqual(g);
    const moved = weightValues(dcgan.discriminator);
    expect(moved['d_class_embedding/kernel']).not.toEqual(d['d_class_embedding/kernel']);
    const z2 = noise(BATCH);
    await generatorStep(dcgan, z2);
    expect(weightValues(dcgan.discriminator)).toEqual(moved);
    expect(weightValues(dcgan.generator)['g_dense/kernel']).not.toEqual(g['g_dense/kernel']);
    tf.dispose([reals, z1, z2]);
    disposeDcgan(dcgan);
  });
});

describe('the inputs of a conditional step', () => {
  beforeAll(() => onBackend('cpu', () => undefined));

  it('draws the unconditional noise exactly as noiseSource, and seeded uniform classes', async () => {
    const plain = generatorInputSource(new SeededRandom(3), buildGenerator());
    const reference = noiseSource(new SeededRandom(3), 100);
    const [a, b] = [plain(4) as tf.Tensor2D, reference(4)];
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    const generator = buildGenerator({}, { conditional });
    const draw = (random: SeededRandom) => {
      const [z, labels] = generatorInputSource(random, generator)(1000) as [
        tf.Tensor2D,
        tf.Tensor2D,
      ];
      const classes = Array.from(tf.argMax(labels, 1).dataSync());
      tf.dispose([z, labels]);
      return classes;
    };
    const [random, again] = [new SeededRandom(4), new SeededRandom(4)];
    const classes = draw(random);
    expect(draw(again)).toEqual(classes);
    const counts = Array.from({ length: 10 }, (_, c) => classes.filter((k) => k === c).length);
    expect(Math.min(...counts)).toBeGreaterThan(60);
    // The state after the draws resumes the same sequence.
    const resumed = new SeededRandom(0);
    resumed.setState(random.getState());
    expect(draw(resumed)).toEqual(draw(random));
    tf.dispose([a, b]);
  });

  it('gives the reals with their labels one-hot, only to a conditional discriminator', async () => {
    const sampler = createBatchSampler(dataset, { batchSize: 4, seed: 1 });
    const twin = createBatchSampler(dataset, { batchSize: 4, seed: 1 });
    const [images, labels] = nextReals(sampler, buildDiscriminator({}, { conditional })) as [
      tf.Tensor4D,
      tf.Tensor2D,
    ];
    const expected = twin.nextWithLabels();
    expect(labels.shape).toEqual([4, 10]);
    expect(Array.from(tf.argMax(labels, 1).dataSync())).toEqual(
      Array.from(expected.labels.dataSync()),
    );
    expect(Array.from(images.dataSync())).toEqual(Array.from(expected.images.dataSync()));
    const plain = nextReals(sampler, buildDiscriminator());
    expect((plain as tf.Tensor4D).shape).toEqual([4, 28, 28, 1]);
    expect(() =>
      nextReals(sampler, buildDiscriminator({}, { conditional: { classes: 3 } })),
    ).toThrow(/label \d in the data is beyond the model's 3 classes/);
    tf.dispose([images, labels, expected.images, expected.labels, plain]);
  });
});

describe('a conditional run (wasm)', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('trains, keeps a conditional average, and resumes from a checkpoint exactly', async () => {
    const run = async (
      dcgan: Dcgan,
      from: number,
      to: number,
      state?: Awaited<ReturnType<typeof loadCheckpoint>>['state'],
    ) => {
      const sampler = createBatchSampler(dataset, { batchSize: 4, seed: 2 });
      const noiseRandom = new SeededRandom(9);
      if (state) {
        sampler.setState(state.samplerState);
        noiseRandom.setState(state.noiseRandomState);
      }
      await train({
        dcgan,
        sampler,
        noiseRandom,
        config: { iterations: to, sampleInterval: 10 },
        startStep: from,
      });
      return { sampler, noiseRandom };
    };
    const straight = newDcgan(0.9);
    await run(straight, 0, 3);
    expect(classCountOf(straight.average?.generator as LayersModel)).toBe(10);

    const first = newDcgan(0.9);
    const { sampler, noiseRandom } = await run(first, 0, 2);
    const dir = await mkdtemp(join(tmpdir(), 'dcgan-conditional-run-'));
    const saved = await saveCheckpoint(
      dir,
      first,
      {
        step: 2,
        noiseRandomState: noiseRandom.getState(),
        samplerState: sampler.getState(),
        config: {
          data: 'test',
          model: { ...defaultModelConfig(), conditional },
          train: { ...defaultTrainConfig(), averageDecay: 0.9 },
        },
      },
      1,
    );
    const resumed = await loadCheckpoint(saved);
    expect(classCountOf(resumed.dcgan.discriminator)).toBe(10);
    await run(resumed.dcgan, 2, 3, resumed.state);
    expect(weightValues(resumed.dcgan.generator)).toEqual(weightValues(straight.generator));
    expect(weightValues(resumed.dcgan.average?.generator as LayersModel)).toEqual(
      weightValues(straight.average?.generator as LayersModel),
    );
    for (const d of [straight, first, resumed.dcgan]) disposeDcgan(d);
  });
});
