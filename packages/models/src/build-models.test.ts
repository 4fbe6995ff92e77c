import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDiscriminator } from './build-discriminator.js';
import { buildGan } from './build-gan.js';
import { buildGenerator } from './build-generator.js';
import { buildModels } from './build-models.js';
import { buildRadfordGenerator } from './build-radford-generator.js';
import { defaultModelConfig } from './config.js';
import { defaultModelConfigFor } from './model-config.js';
import { summarize } from './summarize.js';
import { useCpuBackend } from './test-backend.js';

const shapes = (model: Parameters<typeof summarize>[0]) =>
  summarize(model).layers.map((l) => [l.className, l.outputShape]);

describe('the spec models', () => {
  beforeAll(useCpuBackend);

  it('builds the generator of SPEC.md, layer for layer', () => {
    const generator = buildGenerator();
    expect(summarize(generator)).toMatchObject({
      parameters: 1_637_121,
      trainableParameters: 1_636_737,
    });
    expect(
      generator.trainableWeights.reduce(
        (n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1),
        0,
      ),
    ).toBe(1_636_737);
    expect(shapes(generator)).toEqual([
      ['Dense', [12544]],
      ['Reshape', [7, 7, 256]],
      ['Conv2DTranspose', [14, 14, 128]],
      ['BatchNormalization', [14, 14, 128]],
      ['LeakyReLU', [14, 14, 128]],
      ['Conv2DTranspose', [14, 14, 64]],
      ['BatchNormalization', [14, 14, 64]],
      ['LeakyReLU', [14, 14, 64]],
      ['Conv2DTranspose', [28, 28, 1]],
      ['Activation', [28, 28, 1]],
    ]);
  });

  it('builds the discriminator of SPEC.md, layer for layer', () => {
    const discriminator = buildDiscriminator();
    expect(summarize(discriminator)).toMatchObject({
      parameters: 94_593,
      trainableParameters: 94_209,
    });
    expect(shapes(discriminator)).toEqual([
      ['Conv2D', [14, 14, 32]],
      ['LeakyReLU', [14, 14, 32]],
      ['Conv2D', [7, 7, 64]],
      ['BatchNormalization', [7, 7, 64]],
      ['LeakyReLU', [7, 7, 64]],
      ['Conv2D', [3, 3, 128]],
      ['BatchNormalization', [3, 3, 128]],
      ['LeakyReLU', [3, 3, 128]],
      ['Flatten', [1152]],
      ['Dense', [1]],
    ]);
  });

  it('uses LeakyReLU 0.01, tanh out of the generator and sigmoid out of the discriminator', () => {
    const generator = buildGenerator();
    const discriminator = buildDiscriminator();
    const alphas = [...generator.layers, ...discriminator.layers]
      .filter((l) => l.getClassName() === 'LeakyReLU')
      .map((l) => l.getConfig().alpha);
    expect(alphas).toEqual([0.01, 0.01, 0.01, 0.01, 0.01]);
    expect(generator.layers.at(-1)?.getConfig().activation).toBe('tanh');
    expect(discriminator.layers.at(-1)?.getConfig().activation).toBe('sigmoid');
  });

  it('maps z to images in (-1, 1) and images to probabilities', () => {
    const generator = buildGenerator();
    const discriminator = buildDiscriminator();
    const images = generator.predict(tf.randomNormal([3, 100], 0, 1, 'float32', 1)) as tf.Tensor;
    const p = discriminator.predict(images) as tf.Tensor;
    expect(images.shape).toEqual([3, 28, 28, 1]);
    expect(p.shape).toEqual([3, 1]);
    expect(tf.max(tf.abs(images)).dataSync()[0]).toBeLessThan(1);
    const probabilities = Array.from(p.dataSync());
    expect(probabilities.every((v) => v > 0 && v < 1)).toBe(true);
    tf.dispose([images, p]);
  });

  it('freezes the discriminator inside the GAN, so the GAN trains the generator alone', () => {
    const generator = buildGenerator();
    const discriminator = buildDiscriminator();
    const gan = buildGan(generator, discriminator);
    expect(gan.outputs[0]?.shape).toEqual([null, 1]);
    expect(gan.trainableWeights.map((w) => w.name)).toEqual(
      generator.trainableWeights.map((w) => w.name),
    );
    expect(discriminator.trainable).toBe(false);
  });

  it('draws the same initial weights for the same seed', () => {
    const values = (seed: number) =>
      buildGenerator({}, { seed }).weights.map((w) => Array.from(w.read().dataSync().slice(0, 8)));
    expect(values(5)).toEqual(values(5));
    expect(values(5)).not.toEqual(values(6));
  });

  it('makes every config field a knob', () => {
    const generator = buildGenerator({
      latentSize: 16,
      filters: [32, 16],
      baseDepth: 32,
      leakySlope: 0.2,
    });
    expect(generator.inputs[0]?.shape).toEqual([null, 16]);
    expect(summarize(generator).layers[2]?.outputShape).toEqual([14, 14, 32]);
  });

  it('rejects configs that cannot draw the image shape, saying why', () => {
    expect(() => buildGenerator({ imageSize: 30 })).toThrow(
      /generator.imageSize must be a multiple of 4 .* got 30/,
    );
    expect(() => buildGenerator({ latentSize: 0 })).toThrow(
      'generator.latentSize must be a positive integer, got 0',
    );
    expect(() => buildDiscriminator({ imageSize: 4, kernelSize: 3 })).toThrow(
      /too small for kernel 3/,
    );
    expect(() => buildGan(buildGenerator(), buildDiscriminator({ imageSize: 32 }))).toThrow(
      /does not fit the discriminator's input/,
    );
  });
});

describe('buildModels', () => {
  beforeAll(useCpuBackend);

  it("builds the spec's models from the spec's config, with or without an architecture field", () => {
    const before = tf.memory().numTensors;
    for (const config of [
      defaultModelConfig(),
      { ...defaultModelConfig(), architecture: 'spec' as const },
    ]) {
      const { generator, discriminator } = buildModels(config, { seeds: { generator: 3 } });
      expect(summarize(generator).parameters).toBe(1_637_121);
      expect(summarize(discriminator).parameters).toBe(94_593);
      const same = buildGenerator({}, { seed: 3 });
      expect(generator.weights[0]?.read().dataSync().slice(0, 4)).toEqual(
        same.weights[0]?.read().dataSync().slice(0, 4),
      );
      for (const model of [generator, discriminator, same]) model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('builds the Radford DCGAN of each size, conditional when asked, seeded', () => {
    const before = tf.memory().numTensors;
    for (const size of [32, 64, 128]) {
      const config = defaultModelConfigFor(size, 1);
      if (config.architecture !== 'radford') throw new Error('expected a Radford config');
      config.radford = { ...config.radford, generatorWidth: 4, discriminatorWidth: 4 };
      const { generator, discriminator } = buildModels(config, {
        seeds: { generator: 1, discriminator: 2 },
        conditional: { classes: 3 },
      });
      expect(generator.outputs[0]?.shape).toEqual([null, size, size, 1]);
      expect(discriminator.inputs.map((input) => input.shape)).toEqual([
        [null, size, size, 1],
        [null, 3],
      ]);
      const again = buildModels(
        { ...config, conditional: { classes: 3 } },
        { seeds: { generator: 1 } },
      );
      expect(again.generator.weights.map((w) => w.read().dataSync()[0])).toEqual(
        generator.weights.map((w) => w.read().dataSync()[0]),
      );
      for (const model of [generator, discriminator, again.generator, again.discriminator])
        model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('checks the whole config first: a bad field throws, named, and leaves nothing built', () => {
    const before = tf.memory().numTensors;
    const config = defaultModelConfigFor(64, 3);
    expect(() =>
      buildModels({ architecture: 'radford', radford: { imageSize: 64, discriminatorWidth: 0 } }),
    ).toThrow('radford.discriminatorWidth must be a positive integer, got 0');
    expect(() => buildModels(config, { conditional: { classes: 0 } })).toThrow(
      'conditional.classes must be a positive integer, got 0',
    );
    expect(() => buildRadfordGenerator({ imageSize: 48 })).toThrow('radford.imageSize must be');
    expect(tf.memory().numTensors).toBe(before);
  });
});
