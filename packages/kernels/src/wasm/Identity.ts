import type * as tf from '@tensorflow/tfjs-core';
import type { WasmKernel } from './wasm-kernel.js';

/** The part of tfjs-wasm's backend that shares a tensor's memory between tensors (refcounted). */
interface RefCountedBackend {
  incRef(dataId: tf.DataId): void;
}

/**
 * Identity, and Cast to the dtype x already has, without a copy: the output shares x's memory,
 * refcounted, as tfjs-wasm's Reshape does, where tfjs-wasm copies (gradients and layers call both
 * hundreds of times an iteration). Other casts, and strings, go to tfjs-wasm's own kernel.
 */
export function sharedIdentity(tfjsKernel: tf.KernelConfig): tf.KernelConfig {
  return {
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const dtype = (args.attrs as { dtype?: tf.DataType } | undefined)?.dtype ?? x.dtype;
      if (x.dtype === 'string' || dtype !== x.dtype) return tfjsKernel.kernelFunc(args);
      (args.backend as unknown as RefCountedBackend).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  };
}

export const identityKernel: WasmKernel = { kernelName: 'Identity', wraps: sharedIdentity };
