import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRadfordGenerator } from './build-radford-generator.js';
import { pytorchParameters } from './pytorch-parameters.js';
import { summarize } from './summarize.js';
import { useCpuBackend } from './test-backend.js';

const SHAPES = [32, 64, 128].flatMap((size) => [1, 3].map((channels) => [size, channels]));
const layerShapes = (model: Parameters<typeof summarize>[0]) =>
  summarize(model).layers.map((l) => [l.className, l.outputShape]);

describe('the Radford generator', () => {
  beforeAll(useCpuBackend);

  it.each(SHAPES)('draws %i x %i px images with PyTorch parameter counts', (size, channels) => {
    const before = tf.memory().numTensors;
    const generator = buildRadfordGenerator({ imageSize: size, channels });
    expect(generator.outputs[0]?.shape).toEqual([null, size, size, channels]);
    const { trainableParameters, parameters } = summarize(generator);
    const pytorch = pytorchParameters(size, channels);
    expect(trainableParameters).toBe(pytorch.generator);
    // Beside PyTorch's parameters, Keras keeps BatchNorm's running statistics as weights.
    expect(parameters).toBe(pytorch.generator + 2 * pytorch.batchNormChannels.generator);
    generator.dispose();
    // A narrow one runs: images of the size, in (-1, 1).
    const narrow = buildRadfordGenerator({ imageSize: size, channels, generatorWidth: 4 });
    const z = tf.randomNormal([2, 100], 0, 1, 'float32', 1);
    const images = narrow.predict(z) as tf.Tensor;
    expect(images.shape).toEqual([2, size, size, channels]);
    expect(largest(images)).toBeLessThan(1);
    tf.dispose([z, images]);
    narrow.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("has main.py's counts at 64x64x3, and one block fewer at 32 px, one more at 128 px", () => {
    expect(pytorchParameters(64, 3).generator).toBe(3_576_704);
    expect(pytorchParameters(32, 3).generator).toBe(1_068_928);
    expect(pytorchParameters(128, 3).generator).toBe(12_786_560);
    const counts = (size: number) => {
      const generator = buildRadfordGenerator({ imageSize: size, generatorWidth: 8 });
      const convs = generator.layers.filter((l) => l.getClassName() === 'Conv2DTranspose').length;
      generator.dispose();
      return convs;
    };
    expect([counts(32), counts(64), counts(128)]).toEqual([4, 5, 6]);
  });

  it("is main.py's _netG layer for layer: 4x4 kernels, no bias, BatchNorm as PyTorch's, ReLU, tanh", () => {
    const generator = buildRadfordGenerator();
    expect(generator.inputs.map((input) => input.shape)).toEqual([[null, 100]]);
    const block = (side: number, width: number) => [
      ['Conv2DTranspose', [side, side, width]],
      ['BatchNormalization', [side, side, width]],
      ['Activation', [side, side, width]],
    ];
    expect(layerShapes(generator)).toEqual([
      ['Reshape', [1, 1, 100]],
      ...block(4, 512),
      ...block(8, 256),
      ...block(16, 128),
      ...block(32, 64),
      ['Conv2DTranspose', [64, 64, 3]],
      ['Activation', [64, 64, 3]],
    ]);
    const configs = generator.layers.map((l) => [l.getClassName(), l.getConfig()] as const);
    const convs = configs.filter(([name]) => name === 'Conv2DTranspose').map(([, c]) => c);
    expect(convs.map((c) => [c.kernelSize, c.strides, c.padding, c.useBias, c.activation])).toEqual(
      [
        [[4, 4], [1, 1], 'valid', false, 'linear'],
        ...new Array(4).fill([[4, 4], [2, 2], 'same', false, 'linear']),
      ],
    );
    const norms = configs.filter(([name]) => name === 'BatchNormalization').map(([, c]) => c);
    expect(norms.map((c) => [c.momentum, c.epsilon, c.center, c.scale])).toEqual(
      new Array(4).fill([0.9, 1e-5, true, true]),
    );
    const activations = configs.filter(([name]) => name === 'Activation').map(([, c]) => c);
    expect(activations.map((c) => c.activation)).toEqual(['relu', 'relu', 'relu', 'relu', 'tanh']);
    generator.dispose();
  });

  it("draws main.py's weights_init: kernels N(0, 0.02), gammas N(1, 0.02), betas 0; seeded", () => {
    const generator = buildRadfordGenerator({ generatorWidth: 32 }, { seed: 7 });
    const stats = (pattern: RegExp) => {
      const values = generator.weights
        .filter((w) => pattern.test(w.originalName))
        .flatMap((w) => Array.from(w.read().dataSync()));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const spread = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      return [mean, spread];
    };
    const [kernelMean, kernelSpread] = stats(/kernel$/);
    expect(Math.abs(kernelMean as number)).toBeLessThan(1e-3);
    expect(kernelSpread).toBeCloseTo(0.02, 3);
    const [gammaMean, gammaSpread] = stats(/gamma$/);
    expect(gammaMean).toBeCloseTo(1, 2);
    expect(gammaSpread).toBeGreaterThan(0.015);
    expect(gammaSpread).toBeLessThan(0.025);
    expect(stats(/beta$/)).toEqual([0, 0]);
    expect(stats(/moving_mean$/)).toEqual([0, 0]);
    expect(stats(/moving_variance$/)).toEqual([1, 0]);
    const first = (seed: number) => {
      const g = buildRadfordGenerator({ imageSize: 32, generatorWidth: 8 }, { seed });
      const values = g.weights.map((w) => Array.from(w.read().dataSync().slice(0, 4)));
      g.dispose();
      return values;
    };
    expect(first(5)).toEqual(first(5));
    expect(first(5)).not.toEqual(first(6));
    // Each layer its own seed: no two kernels start alike.
    const starts = first(5).map((values) => values.join());
    expect(new Set(starts.filter((s) => s !== '0,0,0,0' && s !== '1,1,1,1')).size).toBe(
      starts.filter((s) => s !== '0,0,0,0' && s !== '1,1,1,1').length,
    );
    generator.dispose();
  });

  it("upsamples as PyTorch's ConvTranspose2d(k=4, s=2, p=1): 'same' pads where PyTorch does", () => {
    const generator = buildRadfordGenerator({ imageSize: 32, generatorWidth: 2 }, { seed: 3 });
    const layer = generator.getLayer('g_block2_conv');
    const x = tf.randomNormal([1, 4, 4, 8], 0, 1, 'float32', 9) as tf.Tensor4D;
    const y = layer.apply(x) as tf.Tensor4D;
    const [kernel] = layer.getWeights() as [tf.Tensor4D];
    expect(y.shape).toEqual([1, 8, 8, 4]);
    const expected = convTranspose2dReference(x, kernel, 2, 1);
    expect(maxDifference(y, expected)).toBeLessThan(1e-5);
    tf.dispose([x, y, expected]);
    generator.dispose();
  });
});

/**
 * PyTorch's ConvTranspose2d without bias, written out: each input pixel adds its kernel, scaled,
 * at `i * stride - padding + k`. `kernel` in TensorFlow's layout `[kh, kw, out, in]`.
 */
function convTranspose2dReference(
  x: tf.Tensor4D,
  kernel: tf.Tensor4D,
  stride: number,
  padding: number,
): tf.Tensor4D {
  const [, h, w, inputs] = x.shape;
  const [kh, kw, outputs] = kernel.shape;
  const oh = (h - 1) * stride - 2 * padding + kh;
  const ow = (w - 1) * stride - 2 * padding + kw;
  const input = x.dataSync();
  const k = kernel.dataSync();
  const out = new Float32Array(oh * ow * outputs);
  for (let iy = 0; iy < h; iy++)
    for (let ix = 0; ix < w; ix++)
      for (let ky = 0; ky < kh; ky++)
        for (let kx = 0; kx < kw; kx++) {
          const oy = iy * stride - padding + ky;
          const ox = ix * stride - padding + kx;
          if (oy < 0 || oy >= oh || ox < 0 || ox >= ow) continue;
          for (let co = 0; co < outputs; co++) {
            let sum = 0;
            for (let ci = 0; ci < inputs; ci++) {
              const value = input[(iy * w + ix) * inputs + ci] as number;
              sum += value * (k[((ky * kw + kx) * outputs + co) * inputs + ci] as number);
            }
            const at = (oy * ow + ox) * outputs + co;
            out[at] = (out[at] as number) + sum;
          }
        }
  return tf.tensor4d(out, [1, oh, ow, outputs]);
}

function maxDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => largest(tf.sub(a, b)));
}

function largest(values: tf.Tensor): number {
  return Math.max(...Array.from(values.dataSync(), Math.abs));
}
