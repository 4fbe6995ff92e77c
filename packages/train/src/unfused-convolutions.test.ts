import {
  buildModels,
  defaultModelConfig,
  defaultModelConfigFor,
  type ModelConfig,
} from '@dcgan/models';
import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { fakeReals, onBackend, relativeError } from './test-support.js';
import { withUnfusedConvolutions } from './unfused-convolutions.js';

const BATCH = 2;

const radford32: ModelConfig = {
  ...defaultModelConfigFor(32, 3),
  radford: { imageSize: 32, channels: 3, generatorWidth: 4, discriminatorWidth: 4 },
} as ModelConfig;

const models = [
  ['the spec discriminator', defaultModelConfig(), 28, 1],
  ["Radford's discriminator at 32 pixels", radford32, 32, 3],
] as const;

/** The discriminator's verdicts, its weights' gradients, and how many kernels of each name ran. */
async function pass(discriminator: LayersModel, x: tf.Tensor4D, wrt: 'weights' | 'input') {
  const run = () =>
    tf.tidy(() => {
      const verdict = () => tf.sum(discriminator.apply(x, { training: true }) as tf.Tensor);
      if (wrt === 'input') return [tf.grad(verdict)(x)];
      const variables = discriminator.trainableWeights.map((w) => w.read() as tf.Variable);
      const { value, grads } = tf.variableGrads(verdict as () => tf.Scalar, variables);
      return [value, ...variables.map((v) => grads[v.name] as tf.Tensor)];
    });
  let results: tf.Tensor[] = [];
  const profile = await tf.profile(() => {
    results = run();
    return results;
  });
  const values = await Promise.all(results.map((t) => t.array()));
  tf.dispose(results);
  const calls = (name: string) => profile.kernels.filter((k) => k.name === name).length;
  return { values, calls };
}

describe.each(models)('withUnfusedConvolutions on %s', (_, config, size, channels) => {
  it('gives the same verdicts and weight gradients, and no filter gradient where none is asked', () =>
    onBackend('cpu', async () => {
      const { discriminator, generator } = buildModels(config, { seeds: { discriminator: 2 } });
      generator.dispose();
      const x = fakeReals(BATCH, 1, size, channels);
      const before = tf.memory().numTensors;

      const fused = await pass(discriminator, x, 'weights');
      const unfused = await withUnfusedConvolutions(discriminator, () =>
        pass(discriminator, x, 'weights'),
      );
      expect(unfused.values.length).toBe(fused.values.length);
      for (const [i, value] of fused.values.entries())
        expect(relativeError(unfused.values[i], value)).toBeLessThan(1e-5);

      // tfjs-layers' fused convolution makes the filters' gradients even for the input's alone.
      expect((await pass(discriminator, x, 'input')).calls('Conv2DBackpropFilter')).toBeGreaterThan(
        0,
      );
      const inputOnly = await withUnfusedConvolutions(discriminator, () =>
        pass(discriminator, x, 'input'),
      );
      expect(inputOnly.calls('Conv2DBackpropFilter')).toBe(0);
      expect(inputOnly.calls('Conv2D')).toBeGreaterThan(0);

      expect(tf.memory().numTensors).toBe(before);
      x.dispose();
      discriminator.dispose();
    }));

  it('gives the layers their own forward pass back, also when the function throws', () =>
    onBackend('cpu', () => {
      const { discriminator, generator } = buildModels(config, { seeds: { discriminator: 2 } });
      generator.dispose();
      const ownCalls = () => discriminator.layers.filter((layer) => Object.hasOwn(layer, 'call'));
      expect(() =>
        withUnfusedConvolutions(discriminator, () => {
          expect(ownCalls().length).toBeGreaterThan(0);
          throw new Error('inside');
        }),
      ).toThrow('inside');
      expect(ownCalls()).toEqual([]);
      discriminator.dispose();
    }));
});
