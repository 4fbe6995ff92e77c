import * as tf from '@tensorflow/tfjs-core';
import { KernelRunner } from '../shared/kernel-runner.js';
import { onBackend } from '../test-support.js';
import { type NativeKernels, nativeKernels, useNativeKernels } from './native-kernels.js';
import type { WasmOffsetBackend } from './wasm-backend.js';

/** Test support: a convolution's geometry, and its values and gradients on the active backend. */
export type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]];
export type ConvCase = { x: [number, number, number, number]; outChannels: number; pad: Pad };

/** A square filter's size and the convolution's stride. */
export type Geometry = { size: number; stride: number };

/** The case's x, filter `[size, size, inC, outC]` and an output gradient dy, seeded. */
export function convInputs(c: ConvCase, g: Geometry): [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D] {
  const x = tf.randomNormal(c.x, 0, 1, 'float32', 3) as tf.Tensor4D;
  const filterShape: [number, number, number, number] = [g.size, g.size, c.x[3], c.outChannels];
  const filter = tf.randomNormal(filterShape, 0, 1, 'float32', 4) as tf.Tensor4D;
  const y = tf.conv2d(x, filter, g.stride, c.pad);
  const dy = tf.randomNormal(y.shape, 0, 1, 'float32', 5) as tf.Tensor4D;
  y.dispose();
  return [x, filter, dy];
}

/** The convolution of x and its filter gradient for the output gradient dy, as arrays. */
export function convAndFilterGradient(c: ConvCase, g: Geometry): number[][] {
  return tf.tidy(() => {
    const [x, filter, dy] = convInputs(c, g);
    const dw = tf.grad((w: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(x, w as tf.Tensor4D, g.stride, c.pad), dy)),
    )(filter);
    return [tf.conv2d(x, filter, g.stride, c.pad), dw].map((t) => Array.from(t.dataSync()));
  });
}

/** `conv(x, filter)`'s output and both gradients of sum(conv²), as arrays. */
export function withGradients(
  c: ConvCase,
  g: Geometry,
  conv: (x: tf.Tensor4D, filter: tf.Tensor4D) => tf.Tensor,
): number[][] {
  return tf.tidy(() => {
    const [x, filter] = convInputs(c, g);
    const f = (a: tf.Tensor, w: tf.Tensor) => conv(a as tf.Tensor4D, w as tf.Tensor4D);
    const [dx, dw] = tf.grads((a: tf.Tensor, w: tf.Tensor) => tf.sum(tf.square(f(a, w))))([
      x,
      filter,
    ]);
    return [f(x, filter), dx, dw].map((t) => Array.from((t as tf.Tensor).dataSync()));
  });
}

/** A native path of this package, called directly with two operands. */
export type DirectPath = (
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  a: tf.TensorInfo,
  b: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
) => tf.TensorInfo;

/**
 * On the active (wasm) backend, each path on its operands: its result's shape and values (the
 * result freed), and how many tensors the calls left behind.
 */
export function callPaths(
  info: tf.backend_util.Conv2DInfo,
  calls: [DirectPath, tf.TensorInfo, tf.TensorInfo][],
): { results: { shape: number[]; values: number[] }[]; leftBehind: number } {
  const backend = tf.backend();
  const kernels = nativeKernels(backend);
  if (!kernels) throw new Error("the native kernels did not start in tfjs-wasm's memory");
  const heap = backend as unknown as WasmOffsetBackend;
  const before = backend.numDataIds();
  const results = calls.map(([path, a, b]) => {
    const runner = new KernelRunner(backend, 'wasm');
    const result = path(runner, kernels, heap, a, b, info);
    runner.dispose(result);
    const values = Array.from(heap.typedArrayFromHeap(result));
    heap.disposeData(result.dataId);
    return { shape: result.shape, values };
  });
  return { results, leftBehind: backend.numDataIds() - before };
}

/**
 * `compute` on wasm with the native kernels and then on XNNPACK alone: its arrays, how many tensors
 * it left behind, and the label's suffix for each.
 */
export async function onWasmBothWays(
  compute: () => number[][],
): Promise<{ suffix: string; values: number[][]; tensorsLeft: number }[]> {
  const runs = [];
  for (const native of [true, false]) {
    useNativeKernels(native);
    const run = await onBackend('wasm', () => {
      const before = tf.memory().numTensors;
      const values = compute();
      return { values, tensorsLeft: tf.memory().numTensors - before };
    });
    runs.push({ suffix: native ? '' : ', XNNPACK', ...run });
  }
  return runs;
}
