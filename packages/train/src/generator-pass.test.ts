import { buildDiscriminator, buildGenerator, type ModelConfig, oneHotClasses } from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { GeneratorInput } from './conditioning.js';
import { defaultTrainConfig } from './config.js';
import { createDcgan, type Dcgan } from './dcgan.js';
import { generatorPass } from './generator-pass.js';
import { onBackend, relativeError } from './test-support.js';
import { generatorObjective, trainingFakes } from './train-step.js';

type GeneratorShape = Partial<ModelConfig['generator']>;
// The spec's layers with few channels and a latent size of 8: the cpu backend is slow.
const slim: GeneratorShape = { latentSize: 8, baseDepth: 16, filters: [8, 4] };
// The spec's layers and channels, a latent size of 8 (wasm runs them on its native kernels).
const spec: GeneratorShape = { latentSize: 8 };

function newDcgan(generator: GeneratorShape, conditional?: { classes: number }): Dcgan {
  return createDcgan(defaultTrainConfig(), undefined, {
    generator: buildGenerator(generator, { seed: 1, conditional }),
    discriminator: buildDiscriminator({}, { seed: 2, conditional }),
  });
}

function inputOf(dcgan: Dcgan, batch: number): GeneratorInput {
  const z = tf.randomNormal([batch, 8], 0, 1, 'float32', 3) as tf.Tensor2D;
  if (dcgan.generator.inputs.length === 1) return z;
  return [z, oneHotClasses([3, 7, 0], 10)];
}

/** The generator's weight gradients of its objective, through `pass` or through the GAN. */
function generatorGradients(dcgan: Dcgan, z: GeneratorInput, folded: boolean): number[][] {
  const pass = folded ? generatorPass(dcgan.generator) : undefined;
  const variables = dcgan.generator.trainableWeights.map((w) => w.read() as tf.Variable);
  const values = tf.tidy(() => {
    const { grads } = tf.variableGrads(generatorObjective(dcgan, z, pass), variables);
    return variables.map((v) => Array.from((grads[v.name] as tf.Tensor).dataSync()));
  });
  pass?.dispose();
  return values;
}

describe.each([
  ['unconditional', 'cpu', slim, undefined],
  ['conditional', 'cpu', slim, { classes: 10 }],
  ['unconditional', 'wasm', slim, undefined],
  ['unconditional, the spec layers (Winograd, native kernels)', 'wasm', spec, undefined],
] as const)('generatorPass, %s (%s)', (_, backend, generator, conditional) => {
  it('makes the fakes and the weight gradients that the layers make, and frees its head', async () => {
    await onBackend(backend, () => undefined);
    const dcgan = newDcgan(generator, conditional);
    const z = inputOf(dcgan, 3);
    const before = tf.memory().numTensors;
    const pass = generatorPass(dcgan.generator);
    const [folded, layered] = tf.tidy(() =>
      [trainingFakes(dcgan, z, pass), trainingFakes(dcgan, z)].map((t) => t.arraySync()),
    );
    expect(relativeError(folded, layered)).toBeLessThan(1e-5);
    pass.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const [withPass, withLayers] = [true, false].map((f) => generatorGradients(dcgan, z, f));
    expect(withPass).toHaveLength(withLayers?.length ?? 0);
    // The first convolution's bias feeds BatchNorm, which takes its mean away: its true gradient
    // is 0, and both give rounding noise there; every other gradient is compared.
    for (const [i, values] of (withPass ?? []).entries()) {
      const name = dcgan.generator.trainableWeights[i]?.name ?? '';
      if (/g_block\d_conv\/bias/.test(name)) continue;
      expect(relativeError(values, withLayers?.[i]), name).toBeLessThan(1e-4);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(z);
    dcgan.gan.dispose();
  });
});
