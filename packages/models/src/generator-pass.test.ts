import { registerWasmTrainingKernels } from '@dcgan/kernels';
import { onBackend, relativeError } from '@dcgan/testing';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { buildGenerator } from './build-generator.js';
import { oneHotClasses } from './conditional.js';
import type { GeneratorConfig } from './config.js';
import { type GeneratorInput, generatorPass } from './generator-pass.js';

type GeneratorShape = Partial<GeneratorConfig>;
// The spec's layers with few channels and a latent size of 8: the cpu backend is slow.
const slim: GeneratorShape = { latentSize: 8, baseDepth: 16, filters: [8, 4] };
// The spec's layers and channels, a latent size of 8 (wasm runs them on its native kernels).
const spec: GeneratorShape = { latentSize: 8 };

function inputOf(conditional: boolean, batch: number): GeneratorInput {
  const z = tf.randomNormal([batch, 8], 0, 1, 'float32', 3) as tf.Tensor2D;
  return conditional ? [z, oneHotClasses([3, 7, 0], 10)] : z;
}

/**
 * The weight gradients of a fixed weighting of the fakes, `sum(fakes · weights)`, made through
 * `pass` or through the layers.
 */
function gradients(
  generator: LayersModel,
  z: GeneratorInput,
  weights: tf.Tensor,
  pass?: ReturnType<typeof generatorPass>,
): number[][] {
  const variables = generator.trainableWeights.map((w) => w.read() as tf.Variable);
  return tf.tidy(() => {
    const fakes = () =>
      pass ? pass.fakes(z) : (generator.apply(z, { training: true }) as tf.Tensor4D);
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(fakes(), weights)), variables);
    return variables.map((v) => Array.from((grads[v.name] as tf.Tensor).dataSync()));
  });
}

describe.each([
  ['unconditional', 'cpu', slim, undefined],
  ['conditional', 'cpu', slim, { classes: 10 }],
  ['unconditional', 'wasm', slim, undefined],
  ['unconditional, the spec layers (Winograd, native kernels)', 'wasm', spec, undefined],
] as const)('generatorPass, %s (%s)', (_, backend, shape, conditional) => {
  it('makes the fakes and the weight gradients that the layers make, and frees its head', async () => {
    await onBackend(backend, () => undefined, { wasm: registerWasmTrainingKernels });
    const generator = buildGenerator(shape, { seed: 1, conditional });
    const z = inputOf(conditional !== undefined, 3);
    const weights = tf.randomNormal([3, 28, 28, 1], 0, 1, 'float32', 4);
    const before = tf.memory().numTensors;
    const pass = generatorPass(generator);
    const [folded, layered] = tf.tidy(() =>
      [pass.fakes(z), generator.apply(z, { training: true }) as tf.Tensor4D].map((t) =>
        t.arraySync(),
      ),
    );
    expect(relativeError(folded, layered)).toBeLessThan(1e-5);
    const withPass = gradients(generator, z, weights, pass);
    pass.dispose();
    const withLayers = gradients(generator, z, weights);
    expect(withPass).toHaveLength(withLayers.length);
    // The first convolution's bias feeds BatchNorm, which takes its mean away: its true gradient
    // is 0, and both give rounding noise there; every other gradient is compared.
    for (const [i, values] of withPass.entries()) {
      const name = generator.trainableWeights[i]?.name ?? '';
      if (/g_block\d_conv\/bias/.test(name)) continue;
      expect(relativeError(values, withLayers[i]), name).toBeLessThan(1e-4);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([z, weights].flat());
    generator.dispose();
  });
});
