import type * as tf from '@tensorflow/tfjs-core';
import type { KernelRunner } from '../shared/kernel-runner.js';
import { phaseOf } from './conv-phases.js';
import type { NativeKernels } from './native-kernels.js';
import type { WasmOffsetBackend } from './wasm-backend.js';
import { multiplyPlanes, planes, tableOf } from './winograd-planes.js';
import { inputPlanes, PLANES, productsTransposed, tilesOf } from './winograd-strided.js';

/**
 * The transposed convolution (Conv2DBackpropInput) of dy `[batch, outH, outW, outC]` with the
 * stride-2 filter `[4, 4, inC, outC]` -> dx `[batch, inH, inW, inC]`: each of dx's 2x2 phases is
 * a stride-1 2x2 correlation of dy with every other tap of the filter reversed, by Winograd
 * F(4x4, 2x2) (its products transposed where there are fewer tiles than inC), written straight
 * into its places in dx.
 */
export function stridedWinogradTransposedConv(
  runner: KernelRunner,
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  dy: tf.TensorInfo,
  filter: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const dx = backend.makeOutput([batchSize, inHeight, inWidth, inChannels], 'float32');
  for (let py = 0; py < 2; py++) {
    for (let px = 0; px < 2; px++) {
      const rows = phaseOf(py, info.padInfo.top, 2, 4);
      const columns = phaseOf(px, info.padInfo.left, 2, 4);
      const [tilesH, tilesW] = tilesOf(
        Math.ceil((inHeight - py) / 2),
        Math.ceil((inWidth - px) / 2),
      );
      const swap = productsTransposed(kernels, batchSize * tilesH * tilesW, inChannels);
      const filterPlanes = planes(
        runner,
        backend,
        swap ? [1, inChannels, outChannels] : [1, outChannels, inChannels],
        PLANES,
      );
      kernels.winograd42_taps(
        backend.getMemoryOffset(filter.dataId),
        filterPlanes.table,
        inChannels,
        outChannels,
        3 - rows.firstTap,
        3 - columns.firstTap,
        -2,
        inChannels,
        0,
        swap ? 0 : 1,
      );
      const dyPlanes = inputPlanes(
        runner,
        kernels,
        backend,
        dy,
        {
          batch: batchSize,
          height: outHeight,
          width: outWidth,
          channels: outChannels,
          phases: 1,
          tilesH,
          tilesW,
          padTop: -rows.firstOffset,
          padLeft: -columns.firstOffset,
        },
        swap,
      );
      const products = swap
        ? multiplyPlanes(runner, kernels, backend, filterPlanes.tensors, dyPlanes)
        : multiplyPlanes(runner, kernels, backend, dyPlanes, filterPlanes.tensors);
      kernels.winograd42_output(
        tableOf(runner, backend, products),
        backend.getMemoryOffset(dx.dataId),
        batchSize,
        inHeight,
        inWidth,
        inChannels,
        tilesH,
        tilesW,
        2,
        py,
        px,
        swap ? 1 : 0,
      );
    }
  }
  return dx;
}
