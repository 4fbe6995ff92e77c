import type * as tf from '@tensorflow/tfjs-core';

/** The part of tfjs-wasm's backend that shares a tensor's memory between tensors (refcounted). */
interface RefCountedBackend {
  incRef(dataId: tf.DataId): void;
}

/**
 * Identity, and Cast to the dtype x already has, without a copy: the output shares x's memory,
 * refcounted, as tfjs-wasm's Reshape does. tfjs-wasm copies for both, and gradients (tf.grads,
 * customGrad) and layers call them about 350 times an iteration, 2 to 3% of it. Other casts, and
 * strings, go to the backend's own kernel.
 */
export function sharedIdentityKernel(native: tf.KernelConfig): tf.KernelConfig {
  return {
    ...native,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const dtype = (args.attrs as { dtype?: tf.DataType } | undefined)?.dtype ?? x.dtype;
      if (x.dtype === 'string' || dtype !== x.dtype) return native.kernelFunc(args);
      (args.backend as unknown as RefCountedBackend).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  };
}
