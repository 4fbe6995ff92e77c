import type * as tf from '@tensorflow/tfjs-core';
import { type ConvBackpropAttrs, forwardConvInfo } from '../shared/conv-info.js';
import { KernelRunner } from '../shared/kernel-runner.js';
import { nativeKernels } from './native-kernels.js';
import type { WasmOffsetBackend } from './wasm-backend.js';
import type { WasmKernel } from './wasm-kernel.js';
import { stridedWinogradApplies, stridedWinogradConv2d } from './winograd-strided.js';

/**
 * FusedConv2D (what tfjs-layers' Conv2D calls) without bias or activation, the convolutions of
 * Radford's discriminator that BatchNorm follows: the stride-2 4x4 case by Winograd F(4x4, 2x2),
 * as Conv2D. With a bias, an activation or any other geometry, the backend's own kernel (XNNPACK).
 */
export const fusedConv2DKernel: WasmKernel = {
  kernelName: 'FusedConv2D',
  wraps: (tfjsKernel) => ({
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = args;
      const { x, filter, bias, preluActivationWeights } = inputs as {
        x: tf.TensorInfo;
        filter: tf.TensorInfo;
        bias?: tf.TensorInfo;
        preluActivationWeights?: tf.TensorInfo;
      };
      const convAttrs = attrs as unknown as ConvBackpropAttrs & { activation?: string };
      const kernels = nativeKernels(backend as tf.KernelBackend);
      const plain = !bias && !preluActivationWeights && convAttrs.activation === 'linear';
      if (!kernels || !plain || convAttrs.dataFormat === 'NCHW') return tfjsKernel.kernelFunc(args);
      const info = forwardConvInfo(x.shape, filter.shape, convAttrs);
      if (!stridedWinogradApplies(info)) return tfjsKernel.kernelFunc(args);
      const runner = new KernelRunner(backend as tf.KernelBackend, tfjsKernel.backendName);
      const y = stridedWinogradConv2d(
        runner,
        kernels,
        backend as unknown as WasmOffsetBackend,
        x,
        filter,
        info,
      );
      runner.dispose(y);
      return y;
    },
  }),
};
