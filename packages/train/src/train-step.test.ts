import { buildDiscriminator, buildGenerator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig } from './config.js';
import { createDcgan, type Dcgan } from './dcgan.js';
import {
  fakeReals,
  onBackend,
  readWeightValues,
  stopWebgpu,
  webgpuUnavailable,
} from './test-support.js';
import { discriminatorStep, generatorStep, trainStep } from './train-step.js';

// Batch 4 keeps the webgpu run short on SwiftShader (a CPU emulation, about 20 s an iteration).
const BATCH = 4;
const newDcgan = (): Dcgan =>
  createDcgan(defaultTrainConfig(), undefined, {
    generator: buildGenerator({}, { seed: 1 }),
    discriminator: buildDiscriminator({}, { seed: 100 }),
  });
const z = (seed: number) => tf.randomNormal([BATCH, 100], 0, 1, 'float32', seed) as tf.Tensor2D;
const noiseFrom = (seed: number) => (n: number) =>
  tf.randomNormal([n, 100], 0, 1, 'float32', seed++) as tf.Tensor2D;

const webgpuMissing = await webgpuUnavailable();
afterAll(stopWebgpu);

for (const backend of ['wasm', 'webgpu'] as const) {
  const skip = backend === 'webgpu' && webgpuMissing;
  describe.skipIf(skip)(`the training step (${backend}${skip ? `: skipped, ${skip}` : ''})`, () => {
    beforeAll(() => onBackend(backend, () => undefined));
    // SwiftShader runs an iteration at batch 4 in about 20 s, far slower under load.
    const timeout = backend === 'webgpu' ? 600_000 : 120_000;

    it(
      'gives finite positive losses and an accuracy in [0, 1], and leaves no tensor behind',
      async () => {
        const dcgan = newDcgan();
        const reals = fakeReals(BATCH, 1);
        const noise = noiseFrom(10);
        await trainStep(dcgan, reals, noise); // the first step creates Adam's moments
        const before = tf.memory().numTensors;
        const metrics = await trainStep(dcgan, reals, noise);
        expect(tf.memory().numTensors).toBe(before);
        expect(metrics.discriminatorLoss).toBeGreaterThan(0);
        expect(metrics.generatorLoss).toBeGreaterThan(0);
        expect(Number.isFinite(metrics.discriminatorLoss + metrics.generatorLoss)).toBe(true);
        expect(metrics.discriminatorAccuracy).toBeGreaterThanOrEqual(0);
        expect(metrics.discriminatorAccuracy).toBeLessThanOrEqual(1);
        reals.dispose();
      },
      timeout,
    );

    it(
      'the discriminator step moves the discriminator, even frozen inside the GAN, and leaves the generator exactly as it was',
      async () => {
        const dcgan = newDcgan();
        expect(dcgan.discriminator.trainable).toBe(false);
        const [reals, noise] = [fakeReals(BATCH, 2), z(3)];
        const [g, d] = await Promise.all([
          readWeightValues(dcgan.generator),
          readWeightValues(dcgan.discriminator),
        ]);
        const { loss, accuracy } = await discriminatorStep(dcgan, reals, noise);
        expect(loss).toBeGreaterThan(0);
        expect(accuracy).toBeGreaterThanOrEqual(0);
        expect(await readWeightValues(dcgan.generator)).toEqual(g);
        const after = await readWeightValues(dcgan.discriminator);
        expect(after['d_out/kernel']).not.toEqual(d['d_out/kernel']);
        expect(after['d_block1_conv/kernel']).not.toEqual(d['d_block1_conv/kernel']);
        expect(dcgan.discriminator.trainable).toBe(false);
        tf.dispose([reals, noise]);
      },
      timeout,
    );

    it(
      'the generator step moves the generator and leaves the discriminator exactly as it was',
      async () => {
        const dcgan = newDcgan();
        const noise = z(4);
        const [g, d] = await Promise.all([
          readWeightValues(dcgan.generator),
          readWeightValues(dcgan.discriminator),
        ]);
        const { loss } = await generatorStep(dcgan, noise);
        expect(loss).toBeGreaterThan(0);
        expect(await readWeightValues(dcgan.discriminator)).toEqual(d);
        expect((await readWeightValues(dcgan.generator))['g_dense/kernel']).not.toEqual(
          g['g_dense/kernel'],
        );
        noise.dispose();
      },
      timeout,
    );
  });
}
