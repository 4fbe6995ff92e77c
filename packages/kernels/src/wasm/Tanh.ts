import * as tf from '@tensorflow/tfjs-core';
import { nativeKernels } from './native-kernels.js';
import type { WasmOffsetBackend } from './wasm-backend.js';
import type { WasmKernel } from './wasm-kernel.js';

/** Tanh in one native SIMD pass (`tanh_values` of native/tanh.c), tfjs-wasm's without them. */
export const tanhKernel: WasmKernel = {
  kernelName: 'Tanh',
  wraps: (tfjsKernel) => ({
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const kernels = nativeKernels(args.backend as tf.KernelBackend);
      if (x.dtype !== 'float32' || !kernels) return tfjsKernel.kernelFunc(args);
      const backend = args.backend as unknown as WasmOffsetBackend;
      const out = backend.makeOutput(x.shape, 'float32');
      const at = (info: tf.TensorInfo) => backend.getMemoryOffset(info.dataId);
      kernels.tanh_values(at(x), at(out), tf.util.sizeFromShape(x.shape));
      return out;
    },
  }),
};
