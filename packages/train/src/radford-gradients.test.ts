import { buildModels, defaultModelConfigFor, type ModelConfig } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTrainConfig } from './config.js';
import { createDcgan } from './dcgan.js';
import { withTrainable } from './model-state.js';
import { fakeReals, onBackend, relativeError } from './test-support.js';
import { discriminatorObjective, generatorObjective, trainingFakes } from './train-step.js';

const BATCH = 2;

/** The Radford DCGAN at `imageSize` pixels, colour, narrow so that the cpu backend stays quick. */
function radford(imageSize: 32 | 64): ModelConfig {
  return {
    ...defaultModelConfigFor(imageSize, 3),
    radford: { imageSize, channels: 3, generatorWidth: 4, discriminatorWidth: 4 },
  } as ModelConfig;
}

/** Every weight gradient of both models' objectives (logits losses), keyed by weight name. */
async function allGradients(model: ModelConfig): Promise<Record<string, number[]>> {
  const dcgan = createDcgan(
    defaultTrainConfig(),
    model,
    buildModels(model, { seeds: { generator: 1, discriminator: 2 } }),
  );
  const size = (model as { radford: { imageSize: number } }).radford.imageSize;
  const reals = fakeReals(BATCH, 1, size, 3);
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
  const values = await Promise.all(Object.values(gradients).map((g) => g.data()));
  const out = Object.fromEntries(
    Object.keys(gradients).map((n, i) => [n.replace(/_\d+$/, ''), Array.from(values[i] ?? [])]),
  );
  tf.dispose([reals, z1, z2, ...Object.values(gradients)]);
  dcgan.gan.dispose();
  return out;
}

const norm = (values: number[]) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));

describe.each([32, 64] as const)('Radford DCGAN gradients at %i pixels', (imageSize) => {
  let cpu: Record<string, number[]>;
  beforeAll(async () => {
    cpu = await onBackend('cpu', () => allGradients(radford(imageSize)));
  }, 300_000);

  it('on wasm with the training kernels match the cpu backend (relative error < 1e-4)', async () => {
    const wasm = await onBackend('wasm', () => allGradients(radford(imageSize)));
    const floor = 1e-3 * Math.max(...Object.values(cpu).map(norm));
    expect(Object.keys(wasm)).toEqual(Object.keys(cpu));
    for (const [name, values] of Object.entries(wasm)) {
      expect(relativeError(values, cpu[name] as number[], floor), name).toBeLessThan(1e-4);
    }
  });
});
