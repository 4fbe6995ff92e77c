import type * as tf from '@tensorflow/tfjs-core';
import { heapTensor, type WasmHeapBackend } from './heap.js';
import { KernelRunner } from './run-kernel.js';

/**
 * LeakyRelu as (1 − alpha) · relu(x) + alpha · x: four XNNPACK element-wise passes, about 4 times
 * faster than tfjs-wasm's own LeakyRelu loop. Equal for x ≤ 0; within one rounding for x > 0.
 */
export function leakyReluKernel(native: tf.KernelConfig): tf.KernelConfig {
  return {
    ...native,
    kernelFunc: (args) => {
      const { x } = args.inputs as { x: tf.TensorInfo };
      const { alpha } = args.attrs as unknown as { alpha: number };
      if (x.dtype !== 'float32') return native.kernelFunc(args);
      const backend = args.backend as unknown as WasmHeapBackend;
      const runner = new KernelRunner(args.backend as tf.KernelBackend, native.backendName);
      const scalar = (value: number) => runner.track(heapTensor(backend, [], [value]));
      const positive = runner.run('Multiply', {
        a: runner.run('Relu', { x }),
        b: scalar(1 - alpha),
      });
      const out = runner.run('Add', {
        a: positive,
        b: runner.run('Multiply', { a: x, b: scalar(alpha) }),
      });
      runner.dispose(out);
      return out;
    },
  };
}
