import type * as tf from '@tensorflow/tfjs-core';
import type { KernelRunner } from '../shared/kernel-runner.js';
import type { NativeKernels } from './native-kernels.js';
import type { WasmOffsetBackend } from './wasm-backend.js';
import { multiplyPlanes, planes, tableOf, zerosOf } from './winograd-planes.js';
import { PLANES, spaceToDepthPlanes, tilesOf } from './winograd-strided.js';

/**
 * The filter gradient `[4, 4, inC, outC]` of the stride-2 4x4 convolution of x
 * `[batch, inH, inW, inC]` whose output gradient is dy `[batch, outH, outW, outC]`: the 2x2
 * convolution's on x space to depth, dW = G^T [Σ over tiles (B^T d B) ⊙ (A e A^T)] G, 25 matrix
 * products `[4 inC, tiles] x [tiles, outC]`.
 */
export function stridedWinogradFilterGradient(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, inChannels, outHeight, outWidth, outChannels } = info;
  const inputPlanes = spaceToDepthPlanes(runner, kernels, backend, x, info, true);
  const zeros = zerosOf(runner, backend, outChannels);
  const [tilesH, tilesW] = tilesOf(outHeight, outWidth);
  const gradientPlanes = planes(
    runner,
    backend,
    [1, batchSize * tilesH * tilesW, outChannels],
    PLANES,
  );
  kernels.winograd42_output_gradient(
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
  const dw = backend.makeOutput([4, 4, inChannels, outChannels], 'float32');
  kernels.winograd42_filter_gradient(
    tableOf(runner, backend, products),
    backend.getMemoryOffset(dw.dataId),
    inChannels,
    outChannels,
  );
  return dw;
}
