import type * as tf from '@tensorflow/tfjs-core';
import type { KernelRunner } from '../shared/kernel-runner.js';
import type { NativeKernels } from './native-kernels.js';
import type { WasmOffsetBackend } from './wasm-backend.js';
import { multiplyPlanes, planes, tableOf, zerosOf } from './winograd-planes.js';

/** The positions of the 4x4 transformed tile: one matrix product each. */
const PLANES = 16;

/**
 * Whether the Winograd F(2x2, 3x3) path takes this convolution: 3x3, stride 1, no dilation, and
 * enough channels that its 16 matrix products are not mostly overhead.
 */
export function winogradApplies(info: tf.backend_util.Conv2DInfo): boolean {
  return (
    info.filterHeight === 3 &&
    info.filterWidth === 3 &&
    info.strideHeight === 1 &&
    info.strideWidth === 1 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    info.inChannels * info.outChannels >= 256
  );
}

/**
 * The stride-1 3x3 convolution x `[batch, inH, inW, inC]` * filter `[3, 3, inC, outC]` ->
 * `[batch, outH, outW, outC]` by Winograd F(2x2, 3x3): the native kernels transform the filter
 * into 16 planes `[inC, outC]` and the input into 16 planes `[tiles, inC]` (a tile a 2x2 block of
 * the output), the backend's matrix product multiplies each pair, and the native kernels turn the
 * 16 products `[tiles, outC]` back into the output. 2.25 times fewer multiplies than direct.
 */
export function winogradConv2d(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, inChannels, outHeight, outWidth, outChannels } = info;
  const filterPlanes = planes(runner, backend, [1, inChannels, outChannels], PLANES);
  kernels.winograd_filter(
    backend.getMemoryOffset(filter.dataId),
    filterPlanes.table,
    inChannels,
    outChannels,
  );
  const zeros = zerosOf(runner, backend, inChannels);
  const inputPlanes = transformInput(runner, kernels, backend, x, info, zeros, false);
  const products = multiplyPlanes(runner, kernels, backend, inputPlanes, filterPlanes.tensors);
  const y = backend.makeOutput([batchSize, outHeight, outWidth, outChannels], 'float32');
  kernels.winograd_output(
    tableOf(runner, backend, products),
    backend.getMemoryOffset(y.dataId),
    batchSize,
    outHeight,
    outWidth,
    outChannels,
    ...tilesOf(info),
  );
  return y;
}

/**
 * The filter gradient `[3, 3, inC, outC]` of the stride-1 3x3 convolution of x
 * `[batch, inH, inW, inC]` whose output gradient is dy `[batch, outH, outW, outC]`, by the same
 * F(2x2, 3x3) transposed: dW = G^T [Σ over tiles (B^T d B) ⊙ (A e A^T)] G, where d is a tile's
 * 4x4 input and e its 2x2 block of dy. The sums are 16 matrix products `[inC, tiles] x
 * [tiles, outC]` (the input's planes written transposed), 2.25 times fewer multiplies than im2col.
 */
export function winogradFilterGradient(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, inChannels, outHeight, outWidth, outChannels } = info;
  const zeros = zerosOf(runner, backend, Math.max(inChannels, outChannels));
  const inputPlanes = transformInput(runner, kernels, backend, x, info, zeros, true);
  const [tilesH, tilesW] = tilesOf(info);
  const gradientPlanes = planes(
    runner,
    backend,
    [1, batchSize * tilesH * tilesW, outChannels],
    PLANES,
  );
  kernels.winograd_output_gradient(
    backend.getMemoryOffset(dy.dataId),
    gradientPlanes.table,
    backend.getMemoryOffset(zeros.dataId),
    batchSize,
    outHeight,
    outWidth,
    outChannels,
    tilesH,
    tilesW,
  );
  const products = multiplyPlanes(runner, kernels, backend, inputPlanes, gradientPlanes.tensors);
  const dw = backend.makeOutput([3, 3, inChannels, outChannels], 'float32');
  kernels.winograd_filter_gradient(
    tableOf(runner, backend, products),
    backend.getMemoryOffset(dw.dataId),
    inChannels,
    outChannels,
  );
  return dw;
}

/** Tiles down and across: the output's 2x2 blocks, the last ones cut where a side is odd. */
function tilesOf(info: tf.backend_util.Conv2DInfo): [tilesH: number, tilesW: number] {
  return [Math.ceil(info.outHeight / 2), Math.ceil(info.outWidth / 2)];
}

/**
 * The 16 planes of B^T d B of x's tiles: `[1, tiles, inC]` each, or `[1, inC, tiles]` when
 * `transposed`. `zeros` holds at least inC zeros.
 */
function transformInput(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  zeros: tf.TensorInfo,
  transposed: boolean,
): tf.TensorInfo[] {
  const { batchSize, inHeight, inWidth, inChannels, padInfo } = info;
  const [tilesH, tilesW] = tilesOf(info);
  const tiles = batchSize * tilesH * tilesW;
  const inputPlanes = planes(
    runner,
    backend,
    transposed ? [1, inChannels, tiles] : [1, tiles, inChannels],
    PLANES,
  );
  kernels.winograd_input(
    backend.getMemoryOffset(x.dataId),
    inputPlanes.table,
    backend.getMemoryOffset(zeros.dataId),
    batchSize,
    inHeight,
    inWidth,
    inChannels,
    tilesH,
    tilesW,
    padInfo.top,
    padInfo.left,
    transposed ? 1 : 0,
  );
  return inputPlanes.tensors;
}
