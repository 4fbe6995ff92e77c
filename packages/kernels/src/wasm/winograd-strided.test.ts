import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onBackend, relativeError } from '../test-support.js';
import {
  type ConvCase,
  callPaths,
  convAndFilterGradient,
  convInputs,
  onWasmBothWays,
  withGradients,
} from './conv-test-support.js';
import { useNativeKernels, useNativeProducts } from './native-kernels.js';
import {
  stridedWinogradApplies,
  stridedWinogradConv2d,
  stridedWinogradGradientApplies,
} from './winograd-strided.js';
import { stridedWinogradFilterGradient } from './winograd-strided-gradient.js';
import { stridedWinogradTransposedConv } from './winograd-strided-transposed.js';

const GEOMETRY = { size: 4, stride: 2 };
const cases: Record<string, ConvCase> = {
  "Radford's discriminator layer (16x16x32 to 8x8x64, same)": {
    x: [2, 16, 16, 32],
    outChannels: 64,
    pad: 'same',
  },
  "Radford's 4x4 layer (one tile an image)": { x: [3, 8, 8, 16], outChannels: 32, pad: 'same' },
  'odd sizes and channels, same (partial tiles, channel tails)': {
    x: [1, 11, 9, 17],
    outChannels: 19,
    pad: 'same',
  },
  'valid, 5x6 output': { x: [2, 12, 14, 16], outChannels: 18, pad: 'valid' },
  "a discriminator's first layer, on 3 channels": {
    x: [2, 16, 16, 3],
    outChannels: 16,
    pad: 'same',
  },
  'more tiles than channels (products not transposed)': {
    x: [2, 32, 24, 16],
    outChannels: 16,
    pad: 'same',
  },
  'odd sizes, products transposed in the phases only': {
    x: [1, 26, 30, 17],
    outChannels: 16,
    pad: 'same',
  },
  'uneven explicit padding': {
    x: [1, 10, 13, 18],
    outChannels: 16,
    pad: [
      [0, 0],
      [2, 0],
      [0, 3],
      [0, 0],
    ],
  },
};

/** On the active backend: the convolution, the transposed convolution of dy, the filter gradient. */
function referenceOf(c: ConvCase): number[][] {
  const [y = [], dw = []] = convAndFilterGradient(c, GEOMETRY);
  const dx = tf.tidy(() => {
    const [, filter, dy] = convInputs(c, GEOMETRY);
    return Array.from(tf.conv2dTranspose(dy, filter, c.x, 2, c.pad).dataSync());
  });
  return [y, dx, dw];
}

/**
 * Conv2D's output and both gradients of sum(conv²), then the same through FusedConv2D without bias
 * (tfjs-layers' path), as arrays, on the active backend.
 */
function convolve(c: ConvCase): number[][] {
  return [
    ...withGradients(c, GEOMETRY, (x, filter) => tf.conv2d(x, filter, 2, c.pad)),
    ...withGradients(c, GEOMETRY, (x, filter) =>
      tf.fused.conv2d({ x, filter, strides: 2, pad: c.pad }),
    ),
  ];
}

/**
 * A generator's layer: the transposed convolution of z `[b, h, w, outC]` and both its gradients of
 * sum(layer²), as arrays, on the active backend.
 */
function transposedLayer(c: ConvCase): number[][] {
  return tf.tidy(() => {
    const [x, filter, dy] = convInputs(c, GEOMETRY);
    x.dispose();
    const f = (z: tf.Tensor, w: tf.Tensor) =>
      tf.conv2dTranspose(z as tf.Tensor4D, w as tf.Tensor4D, c.x, 2, c.pad);
    const [dz, dw] = tf.grads((z: tf.Tensor, w: tf.Tensor) => tf.sum(tf.square(f(z, w))))([
      dy,
      filter,
    ]);
    return [f(dy, filter), dz, dw].map((t) => Array.from((t as tf.Tensor).dataSync()));
  });
}

describe.each([true, false])('Winograd F(4x4, 2x2) on wasm, native products %s', (own) => {
  beforeAll(() => useNativeProducts(own));
  afterAll(() => {
    useNativeKernels(true);
    useNativeProducts(true);
  });

  for (const [name, c] of Object.entries(cases)) {
    it(`computes the cpu backend's convolution, transposed convolution and filter gradient: ${name}`, async () => {
      const expected = await onBackend('cpu', () => referenceOf(c));
      useNativeKernels(true);
      await onBackend('wasm', () => {
        const [x, filter, dy] = convInputs(c, GEOMETRY);
        const info = tf.backend_util.computeConv2DInfo(
          c.x,
          filter.shape as [number, number, number, number],
          2,
          1,
          c.pad,
        );
        expect(stridedWinogradGradientApplies(info)).toBe(true);
        const { results: computed, leftBehind } = callPaths(info, [
          [stridedWinogradConv2d, x, filter],
          [stridedWinogradTransposedConv, dy, filter],
          [stridedWinogradFilterGradient, x, dy],
        ]);
        expect(leftBehind).toBe(0);
        expect(computed[0]?.shape).toEqual([c.x[0], info.outHeight, info.outWidth, c.outChannels]);
        expect(computed[1]?.shape).toEqual(c.x);
        expect(computed[2]?.shape).toEqual(filter.shape);
        ['output', 'transposed', 'dfilter'].forEach((what, i) => {
          expect(relativeError(computed[i]?.values, expected[i]), what).toBeLessThan(1e-5);
        });
        tf.dispose([x, filter, dy]);
      });
    });

    it(`matches the cpu backend as Conv2D, FusedConv2D and Conv2DTranspose, with gradients: ${name}`, async () => {
      const cpu = await onBackend('cpu', () => [...convolve(c), ...transposedLayer(c)]);
      const names = ['output', 'dx', 'dfilter', 'fused output', 'fused dx', 'fused dfilter'];
      names.push('transposed', 'dz', 'transposed dfilter');
      for (const run of await onWasmBothWays(() => [...convolve(c), ...transposedLayer(c)])) {
        expect(run.tensorsLeft).toBe(0);
        names.forEach((what, i) => {
          expect(relativeError(run.values[i], cpu[i]), `${what}${run.suffix}`).toBeLessThan(1e-5);
        });
      }
    });
  }

  it('leaves few channels (but for the filter gradient), other filters, strides and dilations to the other paths', () => {
    const info = (x: number[], f: number[], stride = 2, dilation = 1) =>
      tf.backend_util.computeConv2DInfo(
        x as [number, number, number, number],
        f as [number, number, number, number],
        stride,
        dilation,
        'same',
      );
    expect(stridedWinogradApplies(info([1, 64, 64, 3], [4, 4, 3, 64]))).toBe(false);
    expect(stridedWinogradApplies(info([1, 32, 32, 64], [4, 4, 64, 3]))).toBe(false);
    expect(stridedWinogradApplies(info([1, 16, 16, 32], [4, 4, 32, 32], 1))).toBe(false);
    expect(stridedWinogradApplies(info([1, 16, 16, 32], [4, 4, 32, 32], 1, 2))).toBe(false);
    expect(stridedWinogradApplies(info([1, 16, 16, 32], [3, 3, 32, 32]))).toBe(false);
    expect(stridedWinogradApplies(info([1, 16, 16, 32], [4, 4, 32, 32]))).toBe(true);
    expect(stridedWinogradGradientApplies(info([1, 64, 64, 3], [4, 4, 3, 64]))).toBe(true);
    expect(stridedWinogradGradientApplies(info([1, 32, 32, 64], [4, 4, 64, 3]))).toBe(false);
    expect(stridedWinogradGradientApplies(info([1, 16, 16, 3], [4, 4, 3, 32], 1))).toBe(false);
  });
});
