import type * as tf from '@tensorflow/tfjs-core';
import { KernelRunner } from './run-kernel.js';

/**
 * BatchMatMul or _FusedMatMul that never asks the backend for a transposed operand: tfjs-wasm's
 * matrix multiply runs 10 to 20 times slower with `transposeA` or `transposeB` (strided reads),
 * while an explicit Transpose costs little. Dense layers' gradients ask for both.
 */
export function untransposedMatMulKernel(native: tf.KernelConfig): tf.KernelConfig {
  return {
    ...native,
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = args;
      const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
      if (!transposeA && !transposeB) return native.kernelFunc(args);
      const runner = new KernelRunner(backend as tf.KernelBackend, native.backendName);
      const swapLast = (x: tf.TensorInfo) => {
        const perm = x.shape.map((_, i) => i);
        perm.splice(-2, 2, perm.length - 1, perm.length - 2);
        return runner.run('Transpose', { x }, { perm });
      };
      const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const result = native.kernelFunc({
        inputs: { ...inputs, a: transposeA ? swapLast(a) : a, b: transposeB ? swapLast(b) : b },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      }) as tf.TensorInfo;
      runner.dispose(result);
      return result;
    },
  };
}
