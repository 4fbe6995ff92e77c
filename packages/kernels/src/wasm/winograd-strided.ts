import type * as tf from '@tensorflow/tfjs-core';
import type { KernelRunner } from '../shared/kernel-runner.js';
import { type NativeKernels, nativeProducts } from './native-kernels.js';
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
 * Whether it takes the filter gradient: also from fewer than `MIN_CHANNELS` input channels, where
 * the other path's one product runs over every output pixel and waits on memory (1 to 3 channels,
 * a discriminator's first layer on the pixels, go by Conv2DBackpropFilter's direct kernel first).
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
  const swap = productsTransposed(kernels, batchSize * tilesH * tilesW, outChannels);
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
  const inputPlanes = spaceToDepthPlanes(runner, kernels, backend, x, info, swap);
  const products = swap
    ? multiplyPlanes(runner, kernels, backend, filterPlanes.tensors, inputPlanes)
    : multiplyPlanes(runner, kernels, backend, inputPlanes, filterPlanes.tensors);
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
 * Whether a layer's 25 products run transposed: tfjs-wasm repacks the right-hand operand at every
 * call, so it should be the smaller one, the tiles' planes when there are fewer tiles than channels.
 * The native products repack nothing, and the transforms are faster untransposed.
 */
export function productsTransposed(
  kernels: NativeKernels,
  tiles: number,
  channels: number,
): boolean {
  return !nativeProducts(kernels) && tiles < channels;
}

/** Where a 2x2 convolution's input lies and how it is tiled (winograd42_input's arguments). */
export interface InputGeometry {
  batch: number;
  height: number;
  width: number;
  channels: number;
  /** 1: the input as it is; 2: rearranged space to depth, 4 channels a pixel pair. */
  phases: number;
  tilesH: number;
  tilesW: number;
  padTop: number;
  padLeft: number;
}

/**
 * The 25 planes of B^T d B of the input x's tiles: `[1, tiles, depth]` each, or
 * `[1, depth, tiles]` when `transposed` (depth = phases² channels).
 */
export function inputPlanes(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  g: InputGeometry,
  transposed: boolean,
): tf.TensorInfo[] {
  const tiles = g.batch * g.tilesH * g.tilesW;
  const depth = g.phases * g.phases * g.channels;
  const result = planes(
    runner,
    backend,
    transposed ? [1, depth, tiles] : [1, tiles, depth],
    PLANES,
  );
  const geometry = [
    g.batch,
    g.height,
    g.width,
    g.channels,
    g.phases,
    g.tilesH,
    g.tilesW,
    g.padTop,
    g.padLeft,
  ] as const;
  const xOffset = backend.getMemoryOffset(x.dataId);
  if (transposed) {
    kernels.winograd42_input_transposed(xOffset, result.table, ...geometry);
  } else {
    const zeros = zerosOf(runner, backend, g.channels);
    kernels.winograd42_input(
      xOffset,
      result.table,
      backend.getMemoryOffset(zeros.dataId),
      ...geometry,
    );
  }
  return result.tensors;
}

/** inputPlanes of the convolution's x rearranged space to depth, padded as `info` says. */
export function spaceToDepthPlanes(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  transposed: boolean,
): tf.TensorInfo[] {
  const [tilesH, tilesW] = tilesOf(info.outHeight, info.outWidth);
  const geometry = {
    batch: info.batchSize,
    height: info.inHeight,
    width: info.inWidth,
    channels: info.inChannels,
    phases: 2,
    tilesH,
    tilesW,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
  return inputPlanes(runner, kernels, backend, x, geometry, transposed);
}
