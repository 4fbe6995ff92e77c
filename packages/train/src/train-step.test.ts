import { buildDiscriminator, buildGenerator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig } from './config.js';
import { createDcgan, type Dcgan } from './dcgan.js';
import { fakeReals, onBackend, weightValues } from './test-support.js';
import { discriminatorStep, generatorStep, trainStep } from './train-step.js';

const BATCH = 8;
const newDcgan = (): Dcgan =>
  createDcgan(defaultTrainConfig(), undefined, {
    generator: buildGenerator({}, { seed: 1 }),
    discriminator: buildDiscriminator({}, { seed: 100 }),
  });
const z = (seed: number) => tf.randomNormal([BATCH, 100], 0, 1, 'float32', seed) as tf.Tensor2D;

describe('the training step (wasm)', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('gives finite positive losses and an accuracy in [0, 1]', () => {
    const dcgan = newDcgan();
    const reals = fakeReals(BATCH, 1);
    let seed = 10;
    const metrics = trainStep(
      dcgan,
      reals,
      (n) => tf.randomNormal([n, 100], 0, 1, 'float32', seed++) as tf.Tensor2D,
    );
    expect(metrics.discriminatorLoss).toBeGreaterThan(0);
    expect(metrics.generatorLoss).toBeGreaterThan(0);
    expect(Number.isFinite(metrics.discriminatorLoss + metrics.generatorLoss)).toBe(true);
    expect(metrics.discriminatorAccuracy).toBeGreaterThanOrEqual(0);
    expect(metrics.discriminatorAccuracy).toBeLessThanOrEqual(1);
    reals.dispose();
  });

  it('the discriminator step moves the discriminator and leaves the generator exactly as it was', () => {
    const dcgan = newDcgan();
    const [reals, noise] = [fakeReals(BATCH, 2), z(3)];
    const [g, d] = [weightValues(dcgan.generator), weightValues(dcgan.discriminator)];
    discriminatorStep(dcgan, reals, noise);
    expect(weightValues(dcgan.generator)).toEqual(g);
    expect(weightValues(dcgan.discriminator)['d_out/kernel']).not.toEqual(d['d_out/kernel']);
    tf.dispose([reals, noise]);
  });

  it('the generator step moves the generator and leaves the discriminator exactly as it was', () => {
    const dcgan = newDcgan();
    const noise = z(4);
    const [g, d] = [weightValues(dcgan.generator), weightValues(dcgan.discriminator)];
    generatorStep(dcgan, noise);
    expect(weightValues(dcgan.discriminator)).toEqual(d);
    expect(weightValues(dcgan.generator)['g_dense/kernel']).not.toEqual(g['g_dense/kernel']);
    noise.dispose();
  });

  it('keeps the discriminator frozen inside the GAN and trainable on its own', () => {
    const dcgan = newDcgan();
    expect(dcgan.discriminator.trainable).toBe(false);
    const [reals, noise] = [fakeReals(BATCH, 5), z(6)];
    const before = weightValues(dcgan.discriminator)['d_block1_conv/kernel'];
    discriminatorStep(dcgan, reals, noise);
    expect(dcgan.discriminator.trainable).toBe(false);
    expect(weightValues(dcgan.discriminator)['d_block1_conv/kernel']).not.toEqual(before);
    tf.dispose([reals, noise]);
  });

  it('leaves tf.memory().numTensors unchanged after a step', () => {
    const dcgan = newDcgan();
    const reals = fakeReals(BATCH, 7);
    let seed = 20;
    const noise = (n: number) => tf.randomNormal([n, 100], 0, 1, 'float32', seed++) as tf.Tensor2D;
    trainStep(dcgan, reals, noise); // the first step creates Adam's moments
    const before = tf.memory().numTensors;
    trainStep(dcgan, reals, noise);
    expect(tf.memory().numTensors).toBe(before);
    reals.dispose();
  });
});
