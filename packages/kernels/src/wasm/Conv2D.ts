import type * as tf from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, forwardConvInfo } from '../shared/conv-info.js';
import { KernelRunner } from '../shared/kernel-runner.js';
import { nativeKernels } from './native-kernels.js';
import type { WasmOffsetBackend } from './wasm-backend.js';
import type { WasmKernel } from './wasm-kernel.js';
import { winogradApplies, winogradConv2d } from './winograd.js';
import { stridedWinogradApplies, stridedWinogradConv2d } from './winograd-strided.js';

/**
 * Conv2D with the stride-1 3x3 case by Winograd F(2x2, 3x3) where the native kernels run (the
 * generator's 14x14x128 -> 14x14x64 layer, forward through Conv2DBackpropInput, and its input
 * gradient) and the stride-2 4x4 case by F(4x4, 2x2) (Radford's models); every other convolution
 * goes to the backend's own kernel (XNNPACK).
 */
export const conv2DKernel: WasmKernel = {
  kernelName: 'Conv2D',
  wraps: (tfjsKernel) => ({
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = args;
      const { x, filter } = inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
      const convAttrs = attrs as unknown as ConvBackpropAttrs;
      const kernels = nativeKernels(backend as tf.KernelBackend);
      if (!kernels || convAttrs.dataFormat === 'NCHW') return tfjsKernel.kernelFunc(args);
      const info = forwardConvInfo(x.shape, filter.shape, convAttrs);
      const convolve = winogradApplies(info)
        ? winogradConv2d
        : stridedWinogradApplies(info)
          ? stridedWinogradConv2d
          : undefined;
      if (!convolve) return tfjsKernel.kernelFunc(args);
      const runner = new KernelRunner(backend as tf.KernelBackend, tfjsKernel.backendName);
      const heap = backend as unknown as WasmOffsetBackend;
      const y = convolve(runner, kernels, heap, x, filter, info);
      runner.dispose(y);
      return y;
    },
  }),
};
