import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGan } from './build-gan.js';
import { buildRadfordDiscriminator } from './build-radford-discriminator.js';
import { buildRadfordGenerator } from './build-radford-generator.js';
import { classCountOf, oneHotClasses } from './conditional.js';
import { pytorchParameters } from './pytorch-parameters.js';
import { summarize } from './summarize.js';
import { useCpuBackend } from './test-backend.js';

const conditional = { classes: 10 };
const names = (model: Parameters<typeof summarize>[0]) =>
  summarize(model).layers.map((l) => [l.name, l.className, l.outputShape]);

describe('the conditional Radford DCGAN', () => {
  beforeAll(useCpuBackend);

  it('concatenates the class one-hot to z before the first transposed convolution', () => {
    const generator = buildRadfordGenerator({ imageSize: 64, channels: 3 }, { conditional });
    expect(generator.inputs.map((input) => input.shape)).toEqual([
      [null, 100],
      [null, 10],
    ]);
    expect(classCountOf(generator)).toBe(10);
    expect(names(generator).slice(0, 3)).toEqual([
      ['g_condition', 'Concatenate', [110]],
      ['g_reshape', 'Reshape', [1, 1, 110]],
      ['g_block1_conv', 'Conv2DTranspose', [4, 4, 512]],
    ]);
    const plain = buildRadfordGenerator({ imageSize: 64, channels: 3 });
    expect(names(generator).slice(2)).toEqual(names(plain).slice(1));
    // The class adds 10 input channels to the first kernel: 10 * 512 * 16 parameters.
    expect(summarize(generator).trainableParameters).toBe(
      pytorchParameters(64, 3, { classes: 10 }).generator,
    );
    expect(summarize(generator).trainableParameters).toBe(3_576_704 + 81_920);
    generator.dispose();
    plain.dispose();
  });

  it('adds a projection of the class on the last 4x4 features to the logit', () => {
    const discriminator = buildRadfordDiscriminator(
      { imageSize: 32, channels: 1 },
      { conditional },
    );
    expect(discriminator.inputs.map((input) => input.shape)).toEqual([
      [null, 32, 32, 1],
      [null, 10],
    ]);
    expect(names(discriminator).slice(-8)).toEqual([
      ['d_block3_lrelu', 'LeakyReLU', [4, 4, 256]],
      ['d_out', 'Conv2D', [1, 1, 1]],
      ['d_flatten', 'Flatten', [4096]],
      ['d_class_embedding', 'Dense', [4096]],
      ['d_out_flatten', 'Flatten', [1]],
      ['d_projection', 'Dot', [1]],
      ['d_logit', 'Add', [1]],
      ['d_sigmoid', 'Activation', [1]],
    ]);
    expect(summarize(discriminator).trainableParameters).toBe(
      pytorchParameters(32, 1, { classes: 10 }).discriminator,
    );
    discriminator.dispose();
  });

  it.each([
    [32, 1],
    [64, 3],
    [128, 3],
  ])('draws and judges %i x %i px images of the class asked for', (size, channels) => {
    const config = { imageSize: size, channels, generatorWidth: 4, discriminatorWidth: 4 };
    const generator = buildRadfordGenerator(config, { conditional, seed: 1 });
    const discriminator = buildRadfordDiscriminator(config, { conditional, seed: 2 });
    const gan = buildGan(generator, discriminator);
    const before = tf.memory().numTensors;
    const z = tf.randomNormal([3, 100], 0, 1, 'float32', 1);
    const [sevens, ones] = [oneHotClasses([7, 7, 7], 10), oneHotClasses([1, 1, 1], 10)];
    // BatchNorm on batch statistics, as in training: on its initial moving averages, the small
    // initial kernels of a narrow model shrink the signal to nothing.
    const training = (model: typeof generator, inputs: tf.Tensor[]) =>
      model.apply(inputs, { training: true }) as tf.Tensor;
    const run = (labels: tf.Tensor) =>
      tf.tidy(() => {
        const images = training(generator, [z, labels]);
        return {
          shape: images.shape,
          images: Array.from(images.dataSync()),
          p: Array.from(training(discriminator, [images, labels]).dataSync()),
          judged: Array.from(training(discriminator, [images, sevens]).dataSync()),
        };
      });
    const [a, b] = [run(sevens), run(ones)];
    expect(a.shape).toEqual([3, size, size, channels]);
    expect(a.p.every((v) => v > 0 && v < 1)).toBe(true);
    // Another class, the same noise: other images; the same images, another class: another verdict.
    expect(b.images).not.toEqual(a.images);
    expect(b.p).not.toEqual(b.judged);
    tf.dispose([z, sevens, ones]);
    expect(tf.memory().numTensors).toBe(before);
    gan.dispose();
  });
});
