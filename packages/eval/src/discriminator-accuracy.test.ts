import { buildDiscriminator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { discriminatorAccuracy } from './discriminator-accuracy.js';
import { fakeReals, onBackend } from './test-support.js';

describe('discriminatorAccuracy', () => {
  beforeAll(() => onBackend('wasm', () => undefined));

  it('gives 1/2 to a discriminator that calls everything real, or everything fake', async () => {
    const discriminator = buildDiscriminator({}, { seed: 1 });
    const out = discriminator.getLayer('d_out');
    const [kernel] = out.getWeights();
    const [reals, fakes] = [fakeReals(6, 1), fakeReals(4, 2)];
    const before = tf.memory().numTensors;
    const results = [];
    for (const bias of [50, -50]) {
      tf.tidy(() => out.setWeights([tf.zerosLike(kernel as tf.Tensor), tf.tensor1d([bias])]));
      results.push(await discriminatorAccuracy(discriminator, reals, fakes, 4));
    }
    expect(results).toEqual([
      { accuracy: 0.5, realsCalledReal: 1, fakesCalledFake: 0 },
      { accuracy: 0.5, realsCalledReal: 0, fakesCalledFake: 1 },
    ]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([reals, fakes]);
    discriminator.dispose();
  });
});
