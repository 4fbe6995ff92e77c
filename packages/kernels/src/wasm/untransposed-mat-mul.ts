import type * as tf from '@tensorflow/tfjs-core';
import { KernelRunner } from '../shared/kernel-runner.js';

/**
 * BatchMatMul or _FusedMatMul that never asks the backend for a transposed operand: tfjs-wasm's
 * matrix multiply runs several times slower with `transposeA` or `transposeB` (strided reads),
 * while an explicit Transpose costs little. Dense layers' gradients ask for both.
 */
export function untransposedMatMul(tfjsKernel: tf.KernelConfig): tf.KernelConfig {
  return {
    ...tfjsKernel,
    kernelFunc: (args) => {
      const { inputs, backend, attrs } = args;
      const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
      if (!transposeA && !transposeB) return tfjsKernel.kernelFunc(args);
      const runner = new KernelRunner(backend as tf.KernelBackend, tfjsKernel.backendName);
      const swapLast = (x: tf.TensorInfo) => {
        const perm = x.shape.map((_, i) => i);
        perm.splice(-2, 2, perm.length - 1, perm.length - 2);
        return runner.run('Transpose', { x }, { perm });
      };
      const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
      const result = tfjsKernel.kernelFunc({
        inputs: { ...inputs, a: transposeA ? swapLast(a) : a, b: transposeB ? swapLast(b) : b },
        backend,
        attrs: { ...attrs, transposeA: false, transposeB: false },
      }) as tf.TensorInfo;
      runner.dispose(result);
      return result;
    },
  };
}
