import { buildDiscriminator, buildGenerator } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig } from './config.js';
import { createDcgan } from './dcgan.js';
import { withTrainable } from './model-state.js';
import {
  fakeReals,
  onBackend,
  relativeError,
  stopWebgpu,
  webgpuUnavailable,
} from './test-support.js';
import { discriminatorObjective, generatorObjective, trainingFakes } from './train-step.js';

// The cpu backend takes about 10 s a sample through these models: a small batch keeps this test short.
const BATCH = 2;

/** Every weight gradient of both models' objectives, as arrays keyed by weight name. */
async function allGradients(): Promise<Record<string, number[]>> {
  const dcgan = createDcgan(defaultTrainConfig(), undefined, {
    generator: buildGenerator({}, { seed: 1 }),
    discriminator: buildDiscriminator({}, { seed: 100 }),
  });
  const reals = fakeReals(BATCH, 1);
  const z1 = tf.randomNormal([BATCH, 100], 0, 1, 'float32', 2) as tf.Tensor2D;
  const z2 = tf.randomNormal([BATCH, 100], 0, 1, 'float32', 3) as tf.Tensor2D;
  const gradients: Record<string, tf.Tensor> = {};
  tf.tidy(() => {
    const fakes = trainingFakes(dcgan, z1);
    withTrainable(dcgan.discriminator, (variables) => {
      const { grads } = tf.variableGrads(discriminatorObjective(dcgan, reals, fakes), variables);
      for (const [name, g] of Object.entries(grads)) gradients[`D ${name}`] = tf.keep(g);
    });
    const variables = dcgan.generator.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(generatorObjective(dcgan, z2), variables);
    for (const [name, g] of Object.entries(grads)) gradients[`G ${name}`] = tf.keep(g);
  });
  // Read asynchronously: WebGPU has no synchronous reads in Node.
  const values = await Promise.all(Object.values(gradients).map((g) => g.data()));
  const out = Object.fromEntries(
    Object.keys(gradients).map((n, i) => [n, Array.from(values[i] ?? [])]),
  );
  tf.dispose([reals, z1, z2, ...Object.values(gradients)]);
  dcgan.gan.dispose();
  return out;
}

const norm = (values: number[]) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));

/** Relative errors of each weight's gradient on `backend` against the cpu backend's. */
function errorsAgainst(
  cpu: Record<string, number[]>,
  other: Record<string, number[]>,
): [string, number][] {
  const reference = Object.values(cpu);
  // A convolution's bias just before BatchNorm has a true gradient of 0 (BatchNorm takes the mean
  // away), so both backends give rounding noise there: errors are relative to the larger of the
  // weight's own gradient norm and 1e-3 of the largest gradient norm.
  const floor = 1e-3 * Math.max(...reference.map(norm));
  return Object.entries(other).map(([name, values], i) => [
    name.replace(/_\d+$/, ''),
    relativeError(values, reference[i], floor),
  ]);
}

const webgpuMissing = await webgpuUnavailable();
afterAll(stopWebgpu);

describe('training gradients against the cpu backend', () => {
  let cpu: Record<string, number[]>;
  beforeAll(async () => {
    cpu = await onBackend('cpu', allGradients);
  }, 300_000);

  it('on wasm: every weight of both models (relative error < 1e-4)', async () => {
    const errors = errorsAgainst(cpu, await onBackend('wasm', allGradients));
    expect(errors.length).toBe(12 + 12); // kernels, biases, gammas and betas of both models
    for (const [name, error] of errors) expect(error, name).toBeLessThan(1e-4);
  });

  // The same bound as wasm's. WebGPU sums in other orders than the cpu backend (tiled matrix
  // products, workgroup reductions), each in float32: about 1e-6 on every weight on SwiftShader, and
  // 3e-5 at worst, on the bias before a BatchNorm whose true gradient is 0 (rounding noise against
  // the floor). A wrong kernel gives errors of order 1.
  it.skipIf(webgpuMissing)(
    `on webgpu: every weight of both models (relative error < 1e-4)${webgpuMissing ? `: skipped, ${webgpuMissing}` : ''}`,
    async () => {
      const errors = errorsAgainst(cpu, await onBackend('webgpu', allGradients));
      expect(errors.length).toBe(12 + 12);
      for (const [name, error] of errors) expect(error, name).toBeLessThan(1e-4);
    },
    600_000,
  );
});
