import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGan } from './build-gan.js';
import { buildRadfordDiscriminator } from './build-radford-discriminator.js';
import { buildRadfordGenerator } from './build-radford-generator.js';
import { pytorchParameters } from './pytorch-parameters.js';
import { summarize } from './summarize.js';
import { useCpuBackend } from './test-backend.js';

const SHAPES = [32, 64, 128].flatMap((size) => [1, 3].map((channels) => [size, channels]));

describe('the Radford discriminator', () => {
  beforeAll(useCpuBackend);

  it.each(SHAPES)('judges %i x %i px images with PyTorch parameter counts', (size, channels) => {
    const before = tf.memory().numTensors;
    const discriminator = buildRadfordDiscriminator({ imageSize: size, channels });
    expect(discriminator.inputs[0]?.shape).toEqual([null, size, size, channels]);
    expect(discriminator.outputs[0]?.shape).toEqual([null, 1]);
    const { trainableParameters, parameters } = summarize(discriminator);
    const pytorch = pytorchParameters(size, channels);
    expect(trainableParameters).toBe(pytorch.discriminator);
    expect(parameters).toBe(pytorch.discriminator + 2 * pytorch.batchNormChannels.discriminator);
    discriminator.dispose();
    const narrow = buildRadfordDiscriminator({ imageSize: size, channels, discriminatorWidth: 4 });
    const images = tf.tidy(() =>
      tf.tanh(tf.randomNormal([2, size, size, channels], 0, 1, 'float32', 2)),
    );
    const p = narrow.predict(images) as tf.Tensor;
    expect(p.shape).toEqual([2, 1]);
    expect(Array.from(p.dataSync()).every((v) => v > 0 && v < 1)).toBe(true);
    tf.dispose([images, p]);
    narrow.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("has main.py's count at 64x64x3, and fits the generator of its size in a GAN", () => {
    expect(pytorchParameters(64, 3).discriminator).toBe(2_765_568);
    expect(pytorchParameters(32, 3).discriminator).toBe(663_296);
    expect(pytorchParameters(128, 3).discriminator).toBe(11_164_416);
    const config = { imageSize: 32, channels: 1, generatorWidth: 4, discriminatorWidth: 4 };
    const generator = buildRadfordGenerator(config);
    const discriminator = buildRadfordDiscriminator(config);
    const gan = buildGan(generator, discriminator);
    expect(gan.trainableWeights.map((w) => w.name)).toEqual(
      generator.trainableWeights.map((w) => w.name),
    );
    gan.dispose();
  });

  it("is main.py's _netD layer for layer: no pooling, no bias, LeakyReLU 0.2, a 4x4 valid logit", () => {
    const discriminator = buildRadfordDiscriminator();
    const layers = summarize(discriminator).layers.map((l) => [l.className, l.outputShape]);
    const block = (side: number, width: number) => [
      ['Conv2D', [side, side, width]],
      ['BatchNormalization', [side, side, width]],
      ['LeakyReLU', [side, side, width]],
    ];
    expect(layers).toEqual([
      ['Conv2D', [32, 32, 64]],
      ['LeakyReLU', [32, 32, 64]],
      ...block(16, 128),
      ...block(8, 256),
      ...block(4, 512),
      ['Conv2D', [1, 1, 1]],
      ['Flatten', [1]],
      ['Activation', [1]],
    ]);
    const config = (className: string) =>
      discriminator.layers.filter((l) => l.getClassName() === className).map((l) => l.getConfig());
    expect(
      config('Conv2D').map((c) => [c.kernelSize, c.strides, c.padding, c.useBias, c.activation]),
    ).toEqual([
      ...new Array(4).fill([[4, 4], [2, 2], 'same', false, 'linear']),
      [[4, 4], [1, 1], 'valid', false, 'linear'],
    ]);
    expect(config('LeakyReLU').map((c) => c.alpha)).toEqual([0.2, 0.2, 0.2, 0.2]);
    expect(config('BatchNormalization').map((c) => [c.momentum, c.epsilon])).toEqual(
      new Array(3).fill([0.9, 1e-5]),
    );
    expect(config('Activation').map((c) => c.activation)).toEqual(['sigmoid']);
    discriminator.dispose();
  });

  it("downsamples as PyTorch's Conv2d(k=4, s=2, p=1): 'same' pads one pixel on each side", () => {
    const discriminator = buildRadfordDiscriminator(
      { imageSize: 32, channels: 3, discriminatorWidth: 2 },
      { seed: 4 },
    );
    const layer = discriminator.getLayer('d_block1_conv');
    const x = tf.randomNormal([1, 32, 32, 3], 0, 1, 'float32', 5) as tf.Tensor4D;
    const y = layer.apply(x) as tf.Tensor4D;
    const [kernel] = layer.getWeights() as [tf.Tensor4D];
    const padded = tf.pad(x, [
      [0, 0],
      [1, 1],
      [1, 1],
      [0, 0],
    ]);
    const expected = tf.conv2d(padded, kernel, 2, 'valid');
    expect(y.shape).toEqual([1, 16, 16, 2]);
    const difference = tf.tidy(() => tf.max(tf.abs(tf.sub(y, expected))).dataSync()[0]);
    expect(difference).toBeLessThan(1e-5);
    tf.dispose([x, y, padded, expected]);
    discriminator.dispose();
  });
});
