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
import { winogradApplies, winogradConv2d, winogradFilterGradient } from './winograd.js';

const GEOMETRY = { size: 3, stride: 1 };
const cases: Record<string, ConvCase> = {
  "the generator's stride-1 layer (14x14x128 to 14x14x64, same)": {
    x: [2, 14, 14, 128],
    outChannels: 64,
    pad: 'same',
  },
  'batch 1, odd sizes and channels, valid (partial tiles, channel tails)': {
    x: [1, 7, 9, 13],
    outChannels: 21,
    pad: 'valid',
  },
  'odd size, same': { x: [3, 5, 5, 16], outChannels: 17, pad: 'same' },
  'uneven explicit padding': {
    x: [1, 6, 8, 9],
    outChannels: 30,
    pad: [
      [0, 0],
      [2, 0],
      [0, 1],
      [0, 0],
    ],
  },
};

describe.each([true, false])('Winograd F(2x2, 3x3) on wasm, native products %s', (own) => {
  beforeAll(() => useNativeProducts(own));
  afterAll(() => {
    useNativeKernels(true);
    useNativeProducts(true);
  });

  for (const [name, c] of Object.entries(cases)) {
    it(`computes the cpu backend's convolution and filter gradient itself: ${name}`, async () => {
      const expected = await onBackend('cpu', () => convAndFilterGradient(c, GEOMETRY));
      useNativeKernels(true);
      await onBackend('wasm', () => {
        const [x, filter, dy] = convInputs(c, GEOMETRY);
        const info = tf.backend_util.computeConv2DInfo(
          c.x,
          filter.shape as [number, number, number, number],
          1,
          1,
          c.pad,
        );
        expect(winogradApplies(info)).toBe(true);
        const { results: computed, leftBehind } = callPaths(info, [
          [winogradConv2d, x, filter],
          [winogradFilterGradient, x, dy],
        ]);
        expect(leftBehind).toBe(0);
        expect(computed[0]?.shape).toEqual([c.x[0], info.outHeight, info.outWidth, c.outChannels]);
        expect(computed[1]?.shape).toEqual(filter.shape);
        expect(relativeError(computed[0]?.values, expected[0]), 'output').toBeLessThan(1e-5);
        expect(relativeError(computed[1]?.values, expected[1]), 'dfilter').toBeLessThan(1e-5);
        tf.dispose([x, filter, dy]);
      });
    });

    it(`matches the cpu backend as Conv2D, with its gradients: ${name}`, async () => {
      const cpu = await onBackend('cpu', () =>
        withGradients(c, GEOMETRY, (x, filter) => tf.conv2d(x, filter, 1, c.pad)),
      );
      const runs = await onWasmBothWays(() =>
        withGradients(c, GEOMETRY, (x, filter) => tf.conv2d(x, filter, 1, c.pad)),
      );
      for (const run of runs) {
        expect(run.tensorsLeft).toBe(0);
        for (const i of [0, 1, 2]) {
          const what = `${['output', 'dx', 'dfilter'][i]}${run.suffix}`;
          expect(relativeError(run.values[i], cpu[i]), what).toBeLessThan(1e-5);
        }
      }
    });
  }

  it('leaves small convolutions, strides and dilations to the backend', () => {
    const info = (x: number[], f: number[], stride = 1, dilation = 1) =>
      tf.backend_util.computeConv2DInfo(
        x as [number, number, number, number],
        f as [number, number, number, number],
        stride,
        dilation,
        'same',
      );
    expect(winogradApplies(info([1, 8, 8, 4], [3, 3, 4, 8]))).toBe(false);
    expect(winogradApplies(info([1, 8, 8, 32], [3, 3, 32, 32], 2))).toBe(false);
    expect(winogradApplies(info([1, 8, 8, 32], [3, 3, 32, 32], 1, 2))).toBe(false);
    expect(winogradApplies(info([1, 8, 8, 32], [5, 5, 32, 32]))).toBe(false);
    expect(winogradApplies(info([1, 8, 8, 32], [3, 3, 32, 32]))).toBe(true);
  });
});
