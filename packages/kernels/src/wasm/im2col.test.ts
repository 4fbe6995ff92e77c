import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { onBackend } from '../test-support.js';
import { im2colTransposed } from './im2col.js';
import { nativeKernels } from './native-kernels.js';
import type { WasmHeapBackend } from './wasm-backend.js';

type Case = { x: [number, number, number, number]; filter: number[]; stride: number; pad: string };
const cases: Record<string, Case> = {
  "the generator's filter gradient (14x14x64, stride 1, same)": {
    x: [3, 14, 14, 64],
    filter: [3, 3, 64, 128],
    stride: 1,
    pad: 'same',
  },
  'stride 2, same, 128 channels': {
    x: [2, 14, 14, 128],
    filter: [3, 3, 128, 8],
    stride: 2,
    pad: 'same',
  },
  'one channel (the first layer), stride 2': {
    x: [5, 28, 28, 1],
    filter: [3, 3, 1, 4],
    stride: 2,
    pad: 'same',
  },
  'odd channels and sizes, valid, 5x4 kernel': {
    x: [1, 9, 11, 7],
    filter: [5, 4, 7, 2],
    stride: 1,
    pad: 'valid',
  },
  'rows not a multiple of 16, stride 3': {
    x: [1, 10, 13, 6],
    filter: [2, 3, 6, 1],
    stride: 3,
    pad: 'same',
  },
};

describe('im2col on wasm', () => {
  it("runs the native kernels in tfjs-wasm's memory", async () => {
    await onBackend('wasm', () => {
      expect(nativeKernels(tf.backend())).toBeDefined();
    });
  });

  for (const [name, c] of Object.entries(cases)) {
    it(`gives the JavaScript gather's patches, value for value: ${name}`, async () => {
      await onBackend('wasm', () => {
        const x = tf.randomNormal(c.x, 0, 1, 'float32', 7);
        const info = tf.backend_util.computeConv2DInfo(
          c.x,
          c.filter as [number, number, number, number],
          c.stride,
          1,
          c.pad as 'same' | 'valid',
        );
        const backend = tf.backend() as unknown as WasmHeapBackend & tf.KernelBackend;
        const before = backend.numDataIds();
        const patches = [true, false].map((native) => {
          const info_ = im2colTransposed(backend, x, info, native);
          const values = Array.from(backend.typedArrayFromHeap(info_));
          backend.disposeData(info_.dataId);
          return values;
        });
        expect(patches[0]).toHaveLength(
          info.filterHeight *
            info.filterWidth *
            info.inChannels *
            c.x[0] *
            info.outHeight *
            info.outWidth,
        );
        expect(patches[0]).toEqual(patches[1]);
        expect(backend.numDataIds()).toBe(before);
        x.dispose();
      });
    });
  }
});
