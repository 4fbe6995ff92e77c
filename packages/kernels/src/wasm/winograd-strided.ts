import type * as tf from '@tensorflow/tfjs-core';
import type { KernelRunner } from '../shared/kernel-runner.js';
import type { NativeKernels } from './native-kernels.js';
import type { WasmOffsetBackend } from './wasm-backend.js';
import { multiplyPlanes, planes, tableOf, zerosOf } from './winograd-planes.js';

/** The positions of the 5x5 transformed tile: one matrix product each. */
export const PLANES = 25;

/** Fewer channels than this on either side, and the 25 products are mostly overhead. */
const MIN_CHANNELS = 16;

/**
 * Whether the Winograd F(4x4, 2x2) path takes this convolution and its transposed convolution: a
 * 4x4 filter at stride 2 without dilation (Radford's DCGAN), with at least `MIN_CHANNELS`
 * channels in and out.
 */
export function stridedWinogradApplies(info: tf.backend_util.Conv2DInfo): boolean {
  return isStrided4x4(info) && info.inChannels >= MIN_CHANNELS && info.outChannels >= MIN_CHANNELS;
}

/**
 * Whether it takes the filter gradient: also from few input channels (a discriminator's first
 * layer, on the pixels), where the other path's one product runs over every output pixel and
 * waits on memory.
 */
export function stridedWinogradGradientApplies(info: tf.backend_util.Conv2DInfo): boolean {
  return isStrided4x4(info) && info.outChannels >= MIN_CHANNELS;
}

function isStrided4x4(info: tf.backend_util.Conv2DInfo): boolean {
  return (
    info.filterHeight === 4 &&
    info.filterWidth === 4 &&
    info.strideHeight === 2 &&
    info.strideWidth === 2 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1
  );
}

/**
 * The stride-2 4x4 convolution x `[batch, inH, inW, inC]` * filter `[4, 4, inC, outC]` ->
 * `[batch, outH, outW, outC]`, as the stride-1 2x2 convolution of x rearranged space to depth
 * (`[.., 4 inC]`) by Winograd F(4x4, 2x2): 25 matrix products `[tiles, 4 inC] x [4 inC, outC]`
 * (transposed where there are fewer tiles than outC) between the native kernels' transforms, 2.56
 * times fewer multiplies than direct.
 */
export function stridedWinogradConv2d(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, inChannels, outHeight, outWidth, outChannels } = info;
  const [tilesH, tilesW] = tilesOf(outHeight, outWidth);
  const depth = 4 * inChannels;
  const swap = batchSize * tilesH * tilesW < outChannels;
  const filterPlanes = planes(
    runner,
    backend,
    swap ? [1, outChannels, depth] : [1, depth, outChannels],
    PLANES,
  );
  for (let py = 0; py < 2; py++) {
    for (let px = 0; px < 2; px++) {
      kernels.winograd42_taps(
        backend.getMemoryOffset(filter.dataId),
        filterPlanes.table,
        inChannels,
        outChannels,
        py,
        px,
        2,
        depth,
        (py * 2 + px) * inChannels,
        swap ? 1 : 0,
      );
    }
  }
  const zeros = zerosOf(runner, backend, inChannels);
  const inputPlanes = spaceToDepthPlanes(runner, kernels, backend, x, info, zeros, swap);
  const products = swap
    ? multiplyPlanes(runner, filterPlanes.tensors, inputPlanes)
    : multiplyPlanes(runner, inputPlanes, filterPlanes.tensors);
  const y = backend.makeOutput([batchSize, outHeight, outWidth, outChannels], 'float32');
  kernels.winograd42_output(
    tableOf(runner, backend, products),
    backend.getMemoryOffset(y.dataId),
    batchSize,
    outHeight,
    outWidth,
    outChannels,
    tilesH,
    tilesW,
    1,
    0,
    0,
    swap ? 1 : 0,
  );
  return y;
}

/** Tiles down and across: 4x4 blocks of an output, the last ones cut where a side is not a multiple of 4. */
export function tilesOf(height: number, width: number): [tilesH: number, tilesW: number] {
  return [Math.ceil(height / 4), Math.ceil(width / 4)];
}

/**
 * The 25 planes of B^T d B of x's tiles rearranged space to depth: `[1, tiles, 4 inC]` each, or
 * `[1, 4 inC, tiles]` when `transposed`. `zeros` holds at least inC zeros.
 */
export function spaceToDepthPlanes(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  zeros: tf.TensorInfo,
  transposed: boolean,
): tf.TensorInfo[] {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, padInfo } = info;
  const [tilesH, tilesW] = tilesOf(outHeight, outWidth);
  const tiles = batchSize * tilesH * tilesW;
  const depth = 4 * inChannels;
  const inputPlanes = planes(
    runner,
    backend,
    transposed ? [1, depth, tiles] : [1, tiles, depth],
    PLANES,
  );
  const geometry = [
    batchSize,
    inHeight,
    inWidth,
    inChannels,
    2,
    tilesH,
    tilesW,
    padInfo.top,
    padInfo.left,
  ] as const;
  const xOffset = backend.getMemoryOffset(x.dataId);
  if (transposed) kernels.winograd42_input_transposed(xOffset, inputPlanes.table, ...geometry);
  else
    kernels.winograd42_input(
      xOffset,
      inputPlanes.table,
      backend.getMemoryOffset(zeros.dataId),
      ...geometry,
    );
  return inputPlanes.tensors;
}
