import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDiscriminator } from './build-discriminator.js';
import { buildGan } from './build-gan.js';
import { buildGenerator } from './build-generator.js';
import { checkArchitecture, GENERATOR_SHAPES, modelVariant } from './check-architecture.js';
import { classCountOf, oneHotClasses, sampleClasses } from './conditional.js';
import {
  loadDiscriminatorFromDir,
  loadGeneratorFromDir,
  saveModelToDir,
} from './load-model-dir.js';
import { summarize } from './summarize.js';
import { useCpuBackend } from './test-backend.js';

const conditional = { classes: 10 };
const shapes = (model: Parameters<typeof summarize>[0]) =>
  summarize(model).layers.map((l) => [l.className, l.outputShape]);

describe('the conditional variant', () => {
  beforeAll(useCpuBackend);

  it("keeps the spec's generator layers and adds the class before the Dense layer", () => {
    const generator = buildGenerator({}, { conditional });
    expect(generator.inputs.map((input) => input.shape)).toEqual([
      [null, 100],
      [null, 10],
    ]);
    expect(classCountOf(generator)).toBe(10);
    expect(shapes(generator).slice(0, 3)).toEqual([
      ['Concatenate', [110]],
      ['Dense', [12544]],
      ['Reshape', [7, 7, 256]],
    ]);
    expect(shapes(generator).slice(2)).toEqual(shapes(buildGenerator()).slice(1));
    // The class adds 10 rows to the Dense kernel: 10 * 12,544 parameters.
    expect(summarize(generator).parameters).toBe(1_637_121 + 125_440);
  });

  it("keeps the spec's discriminator layers and adds a projection of the class", () => {
    const discriminator = buildDiscriminator({}, { conditional });
    const spec = shapes(buildDiscriminator());
    expect(shapes(discriminator).slice(0, spec.length - 1)).toEqual(spec.slice(0, -1));
    expect(
      summarize(discriminator)
        .layers.map((l) => l.name)
        .slice(-5),
    ).toEqual(['d_class_embedding', 'd_out', 'd_projection', 'd_logit', 'd_sigmoid']);
    expect(summarize(discriminator).parameters).toBe(94_593 + 11_520);
    expect(discriminator.layers.at(-1)?.getConfig().activation).toBe('sigmoid');
  });

  it('maps z and classes to images in (-1, 1), and images and classes to probabilities', () => {
    const generator = buildGenerator({}, { conditional, seed: 1 });
    const discriminator = buildDiscriminator({}, { conditional, seed: 2 });
    const before = tf.memory().numTensors;
    const [z, labels] = [
      tf.randomNormal([3, 100], 0, 1, 'float32', 1),
      oneHotClasses([7, 0, 9], 10),
    ];
    const images = generator.predict([z, labels]) as tf.Tensor;
    const p = discriminator.predict([images, labels]) as tf.Tensor;
    expect(images.shape).toEqual([3, 28, 28, 1]);
    expect(p.shape).toEqual([3, 1]);
    expect(Math.max(...Array.from(images.dataSync(), Math.abs))).toBeLessThan(1);
    expect(Array.from(p.dataSync()).every((v) => v > 0 && v < 1)).toBe(true);
    // Another class, the same noise: other images.
    const ones = oneHotClasses([1, 1, 1], 10);
    const other = generator.predict([z, ones]) as tf.Tensor;
    expect(Array.from(other.dataSync())).not.toEqual(Array.from(images.dataSync()));
    tf.dispose([z, labels, images, p, ones, other]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('builds a GAN of z and the class that trains the generator alone', () => {
    const generator = buildGenerator({}, { conditional });
    const discriminator = buildDiscriminator({}, { conditional });
    const gan = buildGan(generator, discriminator);
    expect(gan.inputs.map((input) => input.shape)).toEqual([
      [null, 100],
      [null, 10],
    ]);
    expect(gan.trainableWeights.map((w) => w.name)).toEqual(
      generator.trainableWeights.map((w) => w.name),
    );
    expect(() => buildGan(buildGenerator({}, { conditional }), buildDiscriminator())).toThrow(
      /the generator takes 10 classes and the discriminator none/,
    );
  });

  it('saves and loads both models: same outputs on the same inputs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dcgan-conditional-'));
    const generator = buildGenerator({}, { conditional, seed: 3 });
    const discriminator = buildDiscriminator({}, { conditional, seed: 4 });
    await saveModelToDir(generator, join(dir, 'generator'));
    await saveModelToDir(discriminator, join(dir, 'discriminator'));
    const loadedGenerator = await loadGeneratorFromDir(join(dir, 'generator'));
    const loadedDiscriminator = await loadDiscriminatorFromDir(join(dir, 'discriminator'));
    expect(classCountOf(loadedGenerator)).toBe(10);
    const z = tf.randomNormal([4, 100], 0, 1, 'float32', 3);
    const labels = oneHotClasses([3, 1, 4, 1], 10);
    const run = (g: typeof generator, d: typeof discriminator) => {
      const images = g.predict([z, labels]) as tf.Tensor;
      const p = d.predict([images, labels]) as tf.Tensor;
      const values = [Array.from(images.dataSync()), Array.from(p.dataSync())];
      tf.dispose([images, p]);
      return values;
    };
    expect(run(loadedGenerator, loadedDiscriminator)).toEqual(run(generator, discriminator));
    tf.dispose([z, labels]);
  });

  it('is named by the architecture check', () => {
    const generator = buildGenerator({}, { conditional });
    expect(modelVariant(generator)).toBe('conditional (10 classes)');
    expect(modelVariant(buildGenerator())).toBe('unconditional');
    expect(() => checkArchitecture(generator, GENERATOR_SHAPES, 'g')).not.toThrow();
    expect(() =>
      checkArchitecture(generator, { ...GENERATOR_SHAPES, conditional: false }, 'g'),
    ).toThrow('g: the model is conditional (10 classes), expected an unconditional one');
    expect(() =>
      checkArchitecture(buildDiscriminator({}, { conditional }), GENERATOR_SHAPES, 'd'),
    ).toThrow('d: model maps [28,28,1] and a class [10] to [1], expected [any] to [any,any,any]');
  });

  it('gives each sample a class: one for all, one each, or in turn', () => {
    expect(sampleClasses(4, 10)).toEqual([0, 1, 2, 3]);
    expect(sampleClasses(3, 10, 7)).toEqual([7, 7, 7]);
    expect(sampleClasses(2, 10, [5, 6])).toEqual([5, 6]);
    expect(() => sampleClasses(2, 10, [1])).toThrow('expected one class for each of the 2');
    expect(() => sampleClasses(1, 10, 10)).toThrow('class 10 is not one of this generator');
    const oneHot = oneHotClasses([2, 0], 3);
    expect(oneHot.arraySync()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    oneHot.dispose();
  });
});
