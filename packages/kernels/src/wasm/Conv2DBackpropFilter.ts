import type * as tf from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, forwardConvInfo } from '../shared/conv-info.js';
import { KernelRunner } from '../shared/kernel-runner.js';
import { im2colTransposed } from './im2col.js';
import { convGeometry, type NativeKernels, nativeKernels } from './native-kernels.js';
import type { WasmHeapBackend, WasmOffsetBackend } from './wasm-backend.js';
import type { WasmKernel } from './wasm-kernel.js';
import { winogradApplies, winogradFilterGradient } from './winograd.js';
import { stridedWinogradGradientApplies } from './winograd-strided.js';
import { stridedWinogradFilterGradient } from './winograd-strided-gradient.js';

/**
 * Conv2DBackpropFilter as im2col and one matrix multiply: patchesᵀ `[kh*kw*inC, batch*outH*outW]`
 * of x times dy `[batch*outH*outW, outC]` is the filter gradient `[kh, kw, inC, outC]` (patches
 * gathered already transposed: the backend's transposed matrix multiply is slow). Where the native
 * kernels run, stride-1 3x3 filters go by Winograd F(2x2, 3x3), stride-2 4x4 ones by F(4x4, 2x2),
 * filters of at most `DIRECT_TAPS` taps (kh*kw*inC) by a direct accumulation, and filters on 1 to
 * 3 input channels by a direct accumulation in registers (this choice comes before Winograd's).
 */
export const conv2DBackpropFilterKernel: WasmKernel = {
  kernelName: 'Conv2DBackpropFilter',
  adds: (backendName) => ({
    kernelName: 'Conv2DBackpropFilter',
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const convAttrs = attrs as unknown as ConvBackpropAttrs & { filterShape: number[] };
      if (convAttrs.dataFormat === 'NCHW')
        throw new Error('Conv2DBackpropFilter: only NHWC is supported');
      const info = forwardConvInfo(x.shape, convAttrs.filterShape, convAttrs);
      const runner = new KernelRunner(backend as tf.KernelBackend, backendName);
      const kernels = nativeKernels(backend as tf.KernelBackend);
      const heap = backend as unknown as WasmOffsetBackend;
      const taps = info.filterHeight * info.filterWidth * info.inChannels;
      const result =
        kernels && taps <= DIRECT_TAPS
          ? directFilterGradient(kernels, heap, x, dy, info, 'filter_gradient_direct')
          : kernels && fewChannelsApplies(info)
            ? directFilterGradient(kernels, heap, x, dy, info, 'filter_gradient_few_channels')
            : kernels && winogradApplies(info)
              ? winogradFilterGradient(runner, kernels, heap, x, dy, info)
              : kernels && stridedWinogradGradientApplies(info)
                ? stridedWinogradFilterGradient(runner, kernels, heap, x, dy, info)
                : filterGradient(runner, heap, x, dy, info);
      runner.dispose(result);
      return result;
    },
  }),
};

/**
 * Filters with at most this many taps (kh*kw*inC) get their gradient by direct accumulation: the
 * matrix product would have as few rows, and packs all of dy to make them (a first layer on one
 * channel, the generator's last).
 */
const DIRECT_TAPS = 16;

/**
 * Whether a filter of more taps goes by the native kernel that keeps its sums in registers: on 1
 * to 3 input channels (a Radford discriminator's first layer on RGB, the generator's last), where
 * the matrix products would have as many rows as taps, or 25 products of 4 inC rows by Winograd.
 */
function fewChannelsApplies(info: tf.backend_util.Conv2DInfo): boolean {
  return info.inChannels <= 3 && info.outChannels % 4 === 0;
}

function directFilterGradient(
  kernels: NativeKernels,
  backend: WasmOffsetBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  kernel: 'filter_gradient_direct' | 'filter_gradient_few_channels',
): tf.TensorInfo {
  const { filterHeight, filterWidth, inChannels, outChannels } = info;
  const dw = backend.makeOutput([filterHeight, filterWidth, inChannels, outChannels], 'float32');
  kernels[kernel](
    backend.getMemoryOffset(x.dataId),
    backend.getMemoryOffset(dy.dataId),
    backend.getMemoryOffset(dw.dataId),
    outChannels,
    ...convGeometry(info),
  );
  return dw;
}

function filterGradient(
  runner: KernelRunner,
  backend: WasmHeapBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
): tf.TensorInfo {
  const { filterHeight, filterWidth, inChannels, outChannels } = info;
  const patchesT = runner.track(im2colTransposed(backend, x, info));
  const [columns, rows] = patchesT.shape as [number, number];
  const gradient = runner.run(
    'BatchMatMul',
    {
      a: runner.reshape(patchesT, [1, columns, rows]),
      b: runner.reshape(dy, [1, rows, outChannels]),
    },
    { transposeA: false, transposeB: false },
  );
  return runner.reshape(gradient, [filterHeight, filterWidth, inChannels, outChannels]);
}
