import { buildDiscriminator, buildGenerator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultTrainConfig } from './config.js';
import { createDcgan } from './dcgan.js';
import { withTrainable } from './model-state.js';
import { fakeReals, onBackend, relativeError } from './test-support.js';
import { discriminatorObjective, generatorObjective, trainingFakes } from './train-step.js';

// The cpu backend takes about 10 s a sample through these models: a small batch keeps this test short.
const BATCH = 2;

/** Every weight gradient of both models' objectives, as arrays keyed by weight name. */
function allGradients(): Record<string, number[]> {
  const dcgan = createDcgan(defaultTrainConfig(), undefined, {
    generator: buildGenerator({}, { seed: 1 }),
    discriminator: buildDiscriminator({}, { seed: 100 }),
  });
  const reals = fakeReals(BATCH, 1);
  const z1 = tf.randomNormal([BATCH, 100], 0, 1, 'float32', 2) as tf.Tensor2D;
  const z2 = tf.randomNormal([BATCH, 100], 0, 1, 'float32', 3) as tf.Tensor2D;
  const out: Record<string, number[]> = {};
  tf.tidy(() => {
    const fakes = trainingFakes(dcgan, z1);
    withTrainable(dcgan.discriminator, (variables) => {
      const { grads } = tf.variableGrads(discriminatorObjective(dcgan, reals, fakes), variables);
      for (const [name, g] of Object.entries(grads)) out[`D ${name}`] = Array.from(g.dataSync());
    });
    const variables = dcgan.generator.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(generatorObjective(dcgan, z2), variables);
    for (const [name, g] of Object.entries(grads)) out[`G ${name}`] = Array.from(g.dataSync());
  });
  tf.dispose([reals, z1, z2]);
  dcgan.gan.dispose();
  return out;
}

const norm = (values: number[]) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));

describe('training gradients on wasm', () => {
  it('match the cpu backend for every weight of both models (relative error < 1e-4)', async () => {
    const cpu = Object.values(await onBackend('cpu', allGradients));
    const wasm = await onBackend('wasm', allGradients);
    const names = Object.keys(wasm).map((n) => n.replace(/_\d+$/, ''));
    expect(names.length).toBe(12 + 12); // kernels, biases, gammas and betas of both models
    // A convolution's bias just before BatchNorm has a true gradient of 0 (BatchNorm takes the mean
    // away), so both backends give rounding noise there: errors are relative to the larger of the
    // weight's own gradient norm and 1e-3 of the largest gradient norm.
    const floor = 1e-3 * Math.max(...cpu.map(norm));
    Object.values(wasm).forEach((values, i) => {
      expect(relativeError(values, cpu[i], floor), names[i]).toBeLessThan(1e-4);
    });
  });
});
